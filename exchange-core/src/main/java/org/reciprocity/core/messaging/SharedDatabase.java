package org.reciprocity.core.messaging;

import com.google.common.base.Throwables;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Keeps every command on the database its sender decides with. The registries a command decides with live in the
 * SQL database, and the answer the sender gives is read from it: nodes must share one. With Axon Server carrying
 * commands between nodes, a node started on a database of its own would take its share of them and decide against
 * other registries, splitting the exchange's state for good. So each command carries its sender's database (a digest
 * of the secret drawn into it once, never the secret), and a node keeping another refuses to handle it, before
 * anything is decided or stored.
 */
public final class SharedDatabase implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METADATA_KEY = "exchangeDatabase";
    private static final Logger log = LoggerFactory.getLogger(SharedDatabase.class);

    private final JdbcTemplate jdbc;
    private volatile String fingerprint;

    public SharedDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(METADATA_KEY) ? command
                : command.andMetaData(Map.of(METADATA_KEY, fingerprint()));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object sent = unitOfWork.getMessage().getMetaData().get(METADATA_KEY);
        if (sent != null && !Objects.equals(sent, fingerprint())) {
            ForeignDatabaseException refused = new ForeignDatabaseException(String.valueOf(sent), fingerprint());
            // Logged here too: the misconfigured node may be this one, and its own log should say so.
            log.error("Refused a command: {}", refused.getMessage());
            throw refused;
        }
        return chain.proceed();
    }

    /** Whether a command's failure is that it reached a node keeping another database than its sender's. */
    public static boolean isForeign(Throwable failure) {
        return Throwables.getCausalChain(failure).stream().anyMatch(cause -> cause instanceof ForeignDatabaseException
                || FailureDetails.carried(cause, FailureDetails.Kind.FOREIGN_DATABASE));
    }

    private String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            String secret = jdbc.queryForObject("select secret_value from exchange_secret where secret_name = "
                    + "'pseudonyms'", String.class);
            known = HexFormat.of().formatHex(sha256("reciprocity-exchange database " + secret), 0, 8);
            fingerprint = known;
        }
        return known;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** A command that reached a node keeping another database than its sender's; nothing was decided. */
    static final class ForeignDatabaseException extends RuntimeException {
        ForeignDatabaseException(String sender, String here) {
            super("this command comes from a node on database " + sender + ", but this node keeps database " + here
                    + ": the exchange's nodes must share one SQL database, and one of them was started on another; "
                    + "nothing was decided");
        }
    }
}
