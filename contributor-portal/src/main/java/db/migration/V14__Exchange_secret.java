package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The exchange's own secret for the pseudonyms that stand for anonymous contributors, drawn once here, in the
 * database every node shares: SQL has no random source common to H2 and PostgreSQL.
 */
public class V14__Exchange_secret extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement create = context.getConnection().createStatement()) {
            create.execute("create table exchange_secret (secret_name varchar(64) not null, secret_value char(64) "
                    + "not null, constraint exchange_secret_pk primary key (secret_name))");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (PreparedStatement insert = context.getConnection().prepareStatement("insert into exchange_secret "
                + "(secret_name, secret_value) values ('pseudonyms', ?)")) {
            insert.setString(1, HexFormat.of().formatHex(secret));
            insert.executeUpdate();
        }
    }
}
