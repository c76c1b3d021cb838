package dev.vigie.ui;

import dev.vigie.pipeline.LiveRuntime;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: builds the engine off the FX thread, then the main window. */
public final class CockpitApp extends Application {
    private LiveRuntime runtime;
    private MainWindow window;

    @Override
    public void init() throws Exception {
        runtime = new LiveRuntime(CockpitLauncher.settings(), Clock.systemUTC());
        runtime.start();
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(runtime);
        window.show(stage);
    }

    @Override
    public void stop() throws Exception {
        if (window != null) {
            window.close();
        }
        runtime.close();
    }
}
