package dev.vigie.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;

/**
 * The database refused a read or a write; the message names what was being done and why, in plain
 * words. A failure that passes when its condition clears (a full disk, a read-only file system, a
 * lock held elsewhere) is worth trying again; another (a constraint broken: a defect) is not.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean passing;

    StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreException(String message, Throwable cause, boolean passing) {
        super(message, cause);
        this.passing = passing;
    }

    /** @param doing what was being done, such as {@code cannot write to /data/vigie.db} */
    public static StoreException of(String doing, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        String why;
        boolean passing = true;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            why = "the disk is full";
        } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            why = "the file or its file system is read-only";
        } else if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            why = "another process holds the database locked";
        } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            why = "the disk failed to read or write (" + e.getMessage() + ")";
        } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            why = "the database file is damaged; move it aside and Vigie starts a new one";
            passing = false;
        } else {
            why = e.getMessage();
            passing = false;
        }
        return new StoreException(doing + ": " + why, e, passing);
    }

    /** Whether trying again later may succeed. */
    public boolean passing() {
        return passing;
    }
}
