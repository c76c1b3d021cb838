package dev.vigie.store;

/** The database refused a read or a write; the message names what was being done. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
