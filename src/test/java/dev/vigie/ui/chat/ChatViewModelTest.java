package dev.vigie.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Without the JavaFX toolkit: the view-model alone, on a fake engine. */
class ChatViewModelTest {
    @Test
    void anAnswerGrowsAsItStreamsThenStandsAsCheckedAndAFailureIsSaid() {
        FakeEngine engine = new FakeEngine();
        ChatViewModel vm = new ChatViewModel(engine, Tasks.DIRECT, Texts.english());
        vm.question.set("  what happened at 08:20?  ");
        List<String> seen = new ArrayList<>();
        vm.messages.addListener((javafx.collections.ListChangeListener<ChatEntry>) c -> {
            while (c.next()) {
                c.getAddedSubList().stream().filter(m -> m.who() == ChatEntry.Who.VIGIE)
                        .forEach(m -> m.text().addListener((o, a, b) -> seen.add(b)));
            }
        });
        vm.ask();
        assertThat(engine.questions).containsExactly("what happened at 08:20?");
        ChatEntry question = vm.messages.get(vm.messages.size() - 2);
        ChatEntry reply = vm.messages.get(vm.messages.size() - 1);
        assertThat(question.who()).isEqualTo(ChatEntry.Who.YOU);
        assertThat(question.text().get()).isEqualTo("what happened at 08:20?");
        assertThat(seen).as("the answer grew piece by piece").startsWith("INC-1 ", "INC-1 began ", "INC-1 began at ")
                .endsWith("INC-1 began at 08:20 in api [INC-1].");
        assertThat(reply.pending().get()).isFalse();
        assertThat(reply.note().get()).isEmpty();
        assertThat(vm.question.get()).isEmpty();
        assertThat(vm.busy.get()).isFalse();

        engine.answer = "Around 08:20 (UTC): 1 incident [INC-1].";
        engine.setAside = "the model cited what no query returned: INC-deadbeef";
        vm.ask("and at 08:21?");
        ChatEntry checked = vm.messages.get(vm.messages.size() - 1);
        assertThat(checked.text().get()).isEqualTo("Around 08:20 (UTC): 1 incident [INC-1].");
        assertThat(checked.note().get()).isEqualTo("The model's answer was set aside (the model cited what no query returned: "
                + "INC-deadbeef): this answer comes from the stored facts.");

        vm.ask("why did it fail?");
        ChatEntry failed = vm.messages.get(vm.messages.size() - 1);
        assertThat(failed.failed().get()).isTrue();
        assertThat(failed.text().get()).isEqualTo("I could not answer (the store is closed).");
        assertThat(vm.busy.get()).isFalse();

        int before = vm.messages.size();
        vm.ask("   ");
        assertThat(vm.messages).hasSize(before);
    }

    @Test
    void theSuggestionsAreInTheInterfacesLanguage() {
        assertThat(new ChatViewModel(new FakeEngine(), Tasks.DIRECT, Texts.of(Locale.FRENCH)).suggestions)
                .contains("Quels problèmes reviennent souvent ?");
        assertThat(new ChatViewModel(new FakeEngine(), Tasks.DIRECT, Texts.english()).suggestions)
                .contains("Which problems keep coming back?");
    }
}
