package dev.vigie.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.hansolo.tilesfx.Tile;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * The cockpit's look: AtlantaFX's Primer, dark or light, under Vigie's stylesheet, which uses only
 * the theme's looked-up colours; TilesFX tiles, which CSS does not reach, coloured to match.
 */
public final class Theme {
    private final boolean dark;

    public Theme(boolean dark) {
        this.dark = dark;
    }

    public boolean dark() {
        return dark;
    }

    /** The theme for the whole application (it is one stylesheet for every window), and Vigie's own on the scene. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(Objects.requireNonNull(Theme.class.getResource("cockpit.css")).toExternalForm());
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
    }

    /** A tile in the theme's colours (Primer's canvas, text and accent). */
    public void style(Tile tile) {
        Color fg = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color muted = dark ? Color.web("#8b949e") : Color.web("#57606a");
        tile.setBackgroundColor(dark ? Color.web("#161b22") : Color.web("#f6f8fa"));
        tile.setTitleColor(muted);
        tile.setTextColor(muted);
        tile.setUnitColor(muted);
        tile.setDescriptionColor(muted);
        tile.setValueColor(fg);
        tile.setForegroundColor(fg);
        tile.setBarColor(dark ? Color.web("#58a6ff") : Color.web("#0969da"));
    }
}
