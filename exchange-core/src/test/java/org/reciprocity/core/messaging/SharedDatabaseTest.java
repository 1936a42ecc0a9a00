package org.reciprocity.core.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.testing.AxonServerWire;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command sent from a node on one database is not handled by a node keeping another. */
class SharedDatabaseTest {

    private final SharedDatabase here = new SharedDatabase(database("here", "a".repeat(64)));
    private final SharedDatabase elsewhere = new SharedDatabase(database("elsewhere", "b".repeat(64)));
    private final AtomicInteger handled = new AtomicInteger();
    private final InterceptorChain handler = () -> handled.incrementAndGet();

    @Test
    void aCommandFromANodeOnTheSameDatabaseIsHandled() throws Exception {
        SharedDatabase sameDatabase = new SharedDatabase(database("same", "a".repeat(64)));
        CommandMessage<?> sent = stamped(here);
        sameDatabase.handle(unitOf(sent), handler);
        assertThat(handled).hasValue(1);
        assertThat(sent.getMetaData().get(SharedDatabase.METADATA_KEY)).as("a digest, never the secret")
                .asString().hasSize(16).doesNotContain("aaaa");
    }

    @Test
    void aCommandFromANodeOnAnotherDatabaseIsRefusedBeforeItIsHandled() {
        CommandMessage<?> sent = stamped(elsewhere);
        assertThatThrownBy(() -> here.handle(unitOf(sent), handler))
                .satisfies(failure -> assertThat(SharedDatabase.isForeign(failure)).isTrue())
                .hasMessageContaining("must share one SQL database");
        assertThat(handled).hasValue(0);
    }

    @Test
    void theRefusalIsRecognisedOnTheSenderAfterCrossingAxonServersBus() {
        Throwable atTheHandler = Refusals.crossing(new SharedDatabase.ForeignDatabaseException("x", "y"));
        Throwable atTheSender = AxonServerWire.ofTheExchange().failureArriving(atTheHandler);
        assertThat(SharedDatabase.isForeign(atTheSender)).isTrue();
        assertThat(Conflicts.isConflict(atTheSender)).as("not retried: it would reach the same node").isFalse();
    }

    private static CommandMessage<?> stamped(SharedDatabase sender) {
        return sender.handle(List.of()).apply(0, GenericCommandMessage.asCommandMessage("draw"));
    }

    private static UnitOfWork<CommandMessage<?>> unitOf(CommandMessage<?> command) {
        return new DefaultUnitOfWork<>(command);
    }

    private static JdbcTemplate database(String name, String secret) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:shared-database-" + name
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table if not exists exchange_secret (secret_name varchar(64) primary key, "
                + "secret_value char(64))");
        jdbc.update("merge into exchange_secret key (secret_name) values ('pseudonyms', ?)", secret);
        return jdbc;
    }
}
