package dev.vigie.cli;

import dev.vigie.agent.OllamaGateway;
import dev.vigie.event.ChatAnswer;
import dev.vigie.chat.ChatService;
import dev.vigie.config.Settings;
import dev.vigie.pipeline.Engine;
import dev.vigie.store.DataDirectoryLock;
import dev.vigie.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a question about incidents and logs, in English or French, as the chat does (with the model "
                + "when Ollama answers, grounded on the same queries; else without): "
                + "\"what failed at 14:30?\", \"quels problèmes reviennent ?\", \"have we seen HikariPool before?\".")
public final class AskCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (several words are one question)")
    List<String> words;

    @Option(names = "--json", description = "Print one JSON object: answer, citations, route, language")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.loadStored();
        String question = String.join(" ", words);
        ChatAnswer answer;
        OllamaGateway.Health model = new OllamaGateway(settings.ollamaUrl(), settings.ollamaModel()).health();
        try (Engine engine = Engine.open(settings, Clock.systemUTC(), "vigie ask")) {
            answer = new ChatService(engine.store(), engine::memory, settings.zone(), Clock.systemUTC())
                    .withModel(settings.ollamaUrl(), model::model, model::up).ask(question);
        } catch (DataDirectoryLock.InUse e) {
            // a running Vigie owns the memory: answer from the database, which can be read beside it
            options.warn(e.getMessage() + "; answering without the memory of similar incidents");
            try (Store store = new Store(settings.databaseFile(), Clock.systemUTC())) {
                answer = new ChatService(store, settings.zone(), Clock.systemUTC()).ask(question);
            }
        }
        System.out.println(json ? Json.write(answer) : answer.answer());
        return 0;
    }
}
