package dev.vigie.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: the main window on the engine the launcher was given. */
public final class CockpitApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = new MainWindow(CockpitLauncher.queries(), CockpitLauncher.commands());
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
