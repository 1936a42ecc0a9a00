package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives the statement items written before the ledger kept their item's identifier the identifier of their item,
 * computed as the exchange computes it (from the type and canonical value): SQL alone cannot, as it is a name-based
 * UUID. A thousand rows a statement, each page starting after the last row of the one before, in key order, so that
 * the whole table is read once however large it is.
 */
public class V9__Statement_item_ids extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("select account_id, position, ordinal, "
                + "item_type, item_value from statement_item where item_id is null and (account_id > ? or "
                + "(account_id = ? and (position > ? or (position = ? and ordinal > ?)))) "
                + "order by account_id, position, ordinal fetch first " + BATCH + " rows only");
             PreparedStatement update = connection.prepareStatement("update statement_item set item_id = ? where "
                     + "account_id = ? and position = ? and ordinal = ?")) {
            // Before every row: account ids are never empty, positions and ordinals never negative.
            String account = "";
            long position = -1;
            int ordinal = -1;
            int filled;
            do {
                select.setString(1, account);
                select.setString(2, account);
                select.setLong(3, position);
                select.setLong(4, position);
                select.setInt(5, ordinal);
                filled = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        account = rows.getString("account_id");
                        position = rows.getLong("position");
                        ordinal = rows.getInt("ordinal");
                        update.setObject(1, ItemIdentity.of(ItemType.parse(rows.getString("item_type")),
                                rows.getString("item_value")));
                        update.setString(2, account);
                        update.setLong(3, position);
                        update.setInt(4, ordinal);
                        update.addBatch();
                        filled++;
                    }
                }
                update.executeBatch();
            } while (filled == BATCH);
        }
    }
}
