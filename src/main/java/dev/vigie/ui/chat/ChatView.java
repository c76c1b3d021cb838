package dev.vigie.ui.chat;

import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.View;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class ChatView extends View<VBox> {
    private final ChatViewModel vm;

    public ChatView(EngineQueries engine) {
        super("chat", "Chat", new VBox(8));
        vm = new ChatViewModel(engine, Background.FX);
        root.setPadding(new Insets(12));
        ListView<String> transcript = new ListView<>(vm.messages);
        transcript.setId("chat-transcript");
        transcript.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        vm.messages.addListener((javafx.collections.ListChangeListener<String>) c -> transcript.scrollTo(vm.messages.size() - 1));
        VBox.setVgrow(transcript, Priority.ALWAYS);
        TextField question = new TextField();
        question.setId("chat-question");
        question.setPromptText("Ask about incidents and logs (English or French)");
        question.textProperty().bindBidirectional(vm.question);
        question.setOnAction(e -> vm.ask());
        Button send = new Button("Ask");
        send.setId("chat-ask");
        send.disableProperty().bind(vm.busy);
        send.setOnAction(e -> vm.ask());
        HBox.setHgrow(question, Priority.ALWAYS);
        root.getChildren().addAll(transcript, new HBox(8, question, send));
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        // the conversation moves when the person asks
    }
}
