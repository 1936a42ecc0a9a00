package org.reciprocity.core.kernel;

import org.reciprocity.core.context.ContextKinds;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Which kinds of context each item of a contribution comes with, for what the item earns. An object is linked to an
 * item when it lies within two hops of an object the item was read from, a hop being a reference either way (a
 * report listing an indicator), or a relationship or sighting together with what it relates (an indicator, the
 * relationship saying it indicates a malware, and the malware). Objects other items are read from are not gone
 * through, nor the relationships that name them: they are those items' context. The catalogue gathers what a
 * consumer receives with an item the same way. An object the pool held already (the same version sent again) is
 * linked to by the objects the contribution adds, not through the references of its copy. Only what the
 * contribution itself carries counts, admitted and under a marking the pool delivers: context no
 * consumer will receive adds nothing to what an item is worth. Authors and markings link nothing.
 * <p>
 * The kinds are {@link ContextKinds#COUNTED}. A kind counts once per item whatever the number of its objects: ten
 * tools say no more than one does about where an indicator belongs, and a bundle cannot raise its credit by
 * repeating itself.
 */
public final class ContextLinks {

    private ContextLinks() {
    }

    /**
     * How many distinct kinds of context each item is linked to; items linked to none are left out. Linear in the
     * references: each object's one-hop neighbourhood is summed up once as a set of kinds, then each item reads
     * those of its own neighbours.
     */
    public static Map<UUID, Integer> kindsLinked(List<ContextRuling> rulings) {
        Graph graph = new Graph(rulings);
        int[] near = new int[graph.size()];
        for (int y = 0; y < graph.size(); y++) {
            int node = y;
            graph.oneHop(y, z -> near[node] |= graph.kind[z]);
        }
        Map<UUID, Integer> kindsOfItem = new HashMap<>();
        for (int x = 0; x < graph.size(); x++) {
            if (!graph.source[x]) {
                continue;
            }
            int[] reached = {0};
            graph.oneHop(x, y -> reached[0] |= graph.kind[y] | near[y]);
            for (UUID item : graph.objects.get(x).items()) {
                kindsOfItem.merge(item, reached[0], (a, b) -> a | b);
            }
        }
        Map<UUID, Integer> linked = new HashMap<>();
        kindsOfItem.forEach((item, kinds) -> {
            if (kinds != 0) {
                linked.put(item, Integer.bitCount(kinds));
            }
        });
        return linked;
    }

    /** The admitted, deliverable objects of a contribution and their references, both ways. */
    private static final class Graph {

        private final List<ContextObject> objects = new ArrayList<>();
        private final List<List<Integer>> neighbours = new ArrayList<>();
        private final List<List<Integer>> refs = new ArrayList<>();
        private final int[] kind;
        private final boolean[] source;
        private final boolean[] relation;

        Graph(List<ContextRuling> rulings) {
            Map<String, Integer> node = new HashMap<>();
            Map<String, ContextRule> rulingOf = new HashMap<>();
            for (ContextRuling ruling : rulings) {
                ContextObject object = ruling.object();
                if (ruling.rule().admitted() && Delivery.isPoolShareable(object.tlp())
                        && !node.containsKey(object.id())) {
                    rulingOf.put(object.id(), ruling.rule());
                    node.put(object.id(), objects.size());
                    objects.add(object);
                    neighbours.add(new ArrayList<>());
                    refs.add(new ArrayList<>());
                }
            }
            kind = new int[objects.size()];
            source = new boolean[objects.size()];
            relation = new boolean[objects.size()];
            for (int i = 0; i < objects.size(); i++) {
                ContextObject object = objects.get(i);
                int index = ContextKinds.COUNTED.indexOf(object.type());
                kind[i] = index < 0 ? 0 : 1 << index;
                source[i] = !object.items().isEmpty();
                relation[i] = ContextKinds.RELATIONS.contains(object.type());
                // An object the pool held already is served as it was first sent: the references this copy makes
                // are not the ones consumers receive, and link nothing. Those made to it from the objects the
                // contribution adds do.
                List<String> references = rulingOf.get(object.id()) == ContextRule.SAME_VERSION ? List.of()
                        : object.refs();
                for (String ref : references) {
                    Integer j = node.get(ref);
                    if (j != null && j != i) {
                        refs.get(i).add(j);
                        neighbours.get(i).add(j);
                        neighbours.get(j).add(i);
                    }
                }
            }
        }

        int size() {
            return objects.size();
        }

        /**
         * Each object one hop from {@code from}, perhaps more than once: the objects items are read from passed over,
         * and the relations that name one.
         */
        void oneHop(int from, IntConsumer visit) {
            for (int y : neighbours.get(from)) {
                if (source[y] || relation[y] && relatesAnotherSource(y, from)) {
                    continue;
                }
                visit.accept(y);
                if (relation[y]) {
                    for (int z : refs.get(y)) {
                        if (z != from) {
                            visit.accept(z);
                        }
                    }
                }
            }
        }

        /** Whether a relation names, besides {@code from}, an object an item is read from: that item's, then. */
        private boolean relatesAnotherSource(int relation, int from) {
            for (int z : refs.get(relation)) {
                if (z != from && source[z]) {
                    return true;
                }
            }
            return false;
        }
    }
}
