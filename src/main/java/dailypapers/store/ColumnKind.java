package dailypapers.store;

import java.sql.Types;
import java.util.Locale;

/**
 * What a column holds, in the terms both dialects share: the declared types of one set of migrations read back as
 * SQLite's declared names ({@code BOOLEAN}, {@code BYTEA}) or PostgreSQL's ({@code bool}, {@code bytea}).
 */
public enum ColumnKind {
    TEXT(Types.VARCHAR), INTEGER(Types.BIGINT), REAL(Types.DOUBLE), BOOLEAN(Types.BOOLEAN), BYTES(Types.BINARY);

    final int sqlType;

    ColumnKind(int sqlType) {
        this.sqlType = sqlType;
    }

    /** The kind of a declared type name; throws for a type no migration uses, rather than copying it wrongly. */
    static ColumnKind of(String table, String column, String typeName) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (type.startsWith("bool")) {
            return BOOLEAN;
        }
        if (type.equals("bytea") || type.equals("blob")) {
            return BYTES;
        }
        if (type.contains("int")) {
            return INTEGER;
        }
        if (type.startsWith("double") || type.startsWith("float") || type.equals("real")) {
            return REAL;
        }
        if (type.equals("text") || type.startsWith("varchar") || type.startsWith("character varying")) {
            return TEXT;
        }
        throw new DatabaseException("column " + table + "." + column + " has type " + typeName
                + ", which a copy of the database does not know how to carry");
    }
}
