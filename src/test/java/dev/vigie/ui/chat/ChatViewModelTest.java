package dev.vigie.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import org.junit.jupiter.api.Test;

/** Without the JavaFX toolkit: the view-model alone, on a fake engine. */
class ChatViewModelTest {
    @Test
    void aQuestionAndItsAnswerJoinTheConversationAndAFailureIsSaid() {
        FakeEngine engine = new FakeEngine();
        ChatViewModel vm = new ChatViewModel(engine, Tasks.DIRECT);
        vm.question.set("  what happened at 08:20?  ");
        vm.ask();
        assertThat(engine.questions).containsExactly("what happened at 08:20?");
        assertThat(vm.messages).endsWith("You: what happened at 08:20?", "Vigie: INC-1 began at 08:20 in api.");
        assertThat(vm.question.get()).isEmpty();
        assertThat(vm.busy.get()).isFalse();

        vm.question.set("why did it fail?");
        vm.ask();
        assertThat(vm.messages).last().isEqualTo("Vigie: I could not answer (the store is closed)");

        int before = vm.messages.size();
        vm.question.set("   ");
        vm.ask();
        assertThat(vm.messages).hasSize(before);
    }
}
