package dev.vigie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** What a command says when it cannot do its work: one line for a person, and the exit code that goes with it. */
public final class Errors {
    /** A bad argument or a missing input: the caller can fix it. */
    public static final int USAGE = 2;
    /** The work could not be done (a file that cannot be read or written, a database that fails). */
    public static final int FAILED = 1;

    private Errors() {
    }

    public static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (t instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (t instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        if (t instanceof IllegalArgumentException || t instanceof IOException || t.getMessage() != null && isOurs(t)) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    public static int exitCode(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return t instanceof IllegalArgumentException || t instanceof NoSuchFileException ? USAGE : FAILED;
    }

    /** Our own exceptions carry sentences written for a person. */
    private static boolean isOurs(Throwable t) {
        return t.getClass().getName().startsWith("dev.vigie.");
    }
}
