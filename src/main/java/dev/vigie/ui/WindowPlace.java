package dev.vigie.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Where the window was and how big, kept in the user's preferences: the first time, most of the
 * screen; after, as it was left, unless that place is on no screen any more (a monitor unplugged).
 */
record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    private static final Preferences PREFS = Preferences.userRoot().node("dev/vigie/cockpit");
    private static final double SHARE = 0.85;

    static WindowPlace remembered() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = PREFS.getDouble("width", Math.min(1600, screen.getWidth() * SHARE));
        double h = PREFS.getDouble("height", Math.min(1000, screen.getHeight() * SHARE));
        double x = PREFS.getDouble("x", Double.NaN);
        double y = PREFS.getDouble("y", Double.NaN);
        boolean visible = !Double.isNaN(x) && !Screen.getScreensForRectangle(x, y, Math.max(1, w), Math.max(1, h)).isEmpty();
        if (!visible) {
            x = screen.getMinX() + (screen.getWidth() - w) / 2;
            y = screen.getMinY() + (screen.getHeight() - h) / 2;
        }
        return new WindowPlace(x, y, w, h, PREFS.getBoolean("maximized", false));
    }

    static WindowPlace of(Stage stage) {
        return new WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    void applyTo(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }

    void remember() {
        PREFS.putBoolean("maximized", maximized);
        if (!maximized) {
            PREFS.putDouble("x", x);
            PREFS.putDouble("y", y);
            PREFS.putDouble("width", width);
            PREFS.putDouble("height", height);
        }
        try {
            PREFS.flush();
        } catch (BackingStoreException e) {
            LoggerFactory.getLogger(WindowPlace.class).info("the window's place is not kept: {}", e.toString());
        }
    }
}
