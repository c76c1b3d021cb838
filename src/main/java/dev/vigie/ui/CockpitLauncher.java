package dev.vigie.ui;

import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart from the entry point so that headless commands never load JavaFX. */
public final class CockpitLauncher {
    private static volatile EngineQueries queries;
    private static volatile EngineCommands commands;

    private CockpitLauncher() {
    }

    /** Shows the cockpit on a running engine; returns when the window is closed. */
    public static void launch(EngineQueries q, EngineCommands c) {
        queries = q;
        commands = c;
        Application.launch(CockpitApp.class);
    }

    static EngineQueries queries() {
        return queries;
    }

    static EngineCommands commands() {
        return commands;
    }
}
