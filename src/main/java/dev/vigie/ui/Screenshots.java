package dev.vigie.ui;

import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Views rendered without a screen (Monocle's headless platform) into PNG files, each left as a
 * person would look at it: the incident page on the worst incident, the chat with a question
 * asked, the log explorer on warnings and worse.
 */
public final class Screenshots {
    /** Refreshes to wait after showing a view, for its lookups to come back: two seconds. */
    private static final int SETTLE = 8;

    private Screenshots() {
    }

    /** Called by name from {@code vigie screenshot}; the theme and language are the engine's settings'. */
    public static void take(EngineQueries engine, EngineCommands commands, Map<Path, String> shots, int width, int height)
            throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try {
            MainWindow window = onFx(() -> {
                MainWindow w = new MainWindow(engine, commands);
                Stage stage = new Stage();
                stage.setScene(w.scene(width, height));
                stage.show();
                w.startRefreshing();
                return w;
            });
            for (Map.Entry<Path, String> shot : shots.entrySet()) {
                onFx(() -> {
                    pose(window, engine, shot.getValue());
                    return null;
                });
                settle(window);
                WritableImage image = onFx(() -> window.sceneNode().getScene().snapshot(null));
                write(image, shot.getKey());
            }
            onFx(() -> {
                window.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
    }

    private static void pose(MainWindow window, EngineQueries engine, String view) {
        switch (view) {
            case "incidents" -> engine.incidents().stream().filter(i -> i.reportPath() != null)
                    .min(Comparator.comparing((StoredIncident i) -> i.severity() != Severity.CRITICAL).thenComparing(StoredIncident::start))
                    .ifPresentOrElse(i -> window.openIncident(i.id()), () -> window.show(view));
            case "chat" -> window.ask(window.texts().get("screenshot.question"));
            case "logs" -> window.openLogs("", "WARN+");
            default -> window.show(view);
        }
    }

    private static void settle(MainWindow window) throws InterruptedException {
        long until = window.refreshes() + SETTLE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (window.refreshes() < until && System.nanoTime() < deadline) {
            Thread.sleep(50); // the views' own lookups come back with the refreshes
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
