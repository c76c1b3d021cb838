package dev.vigie.ui;

import dev.vigie.config.Settings;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart from the entry point so that headless commands never load JavaFX. */
public final class CockpitLauncher {
    private static volatile Settings settings;

    private CockpitLauncher() {
    }

    public static void launch(Settings s) {
        settings = s;
        Application.launch(CockpitApp.class);
    }

    static Settings settings() {
        return settings;
    }
}
