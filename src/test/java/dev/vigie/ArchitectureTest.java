package dev.vigie;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.vigie.agent.AgentTeam;
import dev.vigie.report.MailNotifier;
import dev.vigie.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, as DESIGN.md draws the flow, in one place ({@link #ALLOWED}): every package may use
 * {@link #COMMON}; a stage uses only stages before it; {@code sim} is used only by pipeline, bench
 * and cli; the UI sees the engine only through {@code pipeline.client}, besides event and config.
 * Packages later work adds have their place already: {@code alert} between detect and incident,
 * {@code memory} before agent.
 */
class ArchitectureTest {
    static final List<String> COMMON = List.of("event", "config", "privacy");
    /** The stages in flow order: each may use those before it (and {@link #COMMON}), never those after it. */
    static final List<String> FLOW = List.of("ingest", "parse", "template", "detect", "alert", "incident", "memory", "agent",
            "report", "store", "chat", "pipeline", "bench", "cli");
    /** The simulator and the replay feed the engine, the commands and the benchmarks, never a stage. */
    static final List<String> SIM_USERS = List.of("pipeline", "bench", "cli");

    /** Each package and what it may use beside {@link #COMMON} and itself: the layering, in one place. */
    static final Map<String, List<String>> ALLOWED = allowed();

    private static Map<String, List<String>> allowed() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        COMMON.forEach(p -> m.put(p, List.of()));
        m.put("sim", List.of());
        for (int i = 0; i < FLOW.size(); i++) {
            List<String> uses = new ArrayList<>(FLOW.subList(0, i));
            if (SIM_USERS.contains(FLOW.get(i))) {
                uses.add("sim");
            }
            m.put(FLOW.get(i), uses);
        }
        m.put("ui", List.of("pipeline.client"));
        return m;
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigie");
    }

    @Test
    void everyPackageUsesOnlyWhatItIsAllowed() {
        for (var e : ALLOWED.entrySet()) {
            rule(e.getKey(), e.getValue()).check(classes);
        }
    }

    @Test
    void everyPackageIsListed() {
        Set<String> present = new java.util.TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().replaceFirst("^dev\\.vigie\\.?", "");
            if (!rest.isEmpty()) {
                present.add(rest.startsWith("pipeline.client") ? "pipeline" : rest.split("\\.")[0]);
            }
        });
        assertThat(ALLOWED.keySet()).containsAll(present);
    }

    private static ArchRule rule(String pkg, List<String> uses) {
        String[] allowed = Stream.concat(Stream.concat(COMMON.stream(), uses.stream()), Stream.of(pkg))
                .map(p -> "dev.vigie." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.vigie." + pkg + "..")
                .should().dependOnClassesThat(resideInAPackage("dev.vigie..").and(not(resideInAnyPackage(allowed))))
                .because(pkg + " may use " + COMMON + " and " + uses)
                .allowEmptyShould(true); // alert and memory are still to come
    }

    @Test
    void nothingOutsideUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.vigie.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..")
                .check(classes);
    }

    @Test
    void eventImportsNoOtherVigiePackage() {
        eventRule("dev.vigie.event..").check(classes);
    }

    @Test
    void onlyThePipelineTheCommandsAndTheBenchmarksBuildTheStoreTheTeamOrTheMailer() {
        builders("dev.vigie.pipeline..", "dev.vigie.cli..", "dev.vigie.bench..").check(classes);
    }

    private static ArchRule builders(String... allowedIn) {
        Set<String> built = Set.of(Store.class.getName(), AgentTeam.class.getName(), MailNotifier.class.getName());
        return noClasses().that().resideOutsideOfPackages(allowedIn)
                .should().callConstructorWhere(describe("a constructor of Store, AgentTeam or MailNotifier",
                        // a constructor that delegates to another of its class builds nothing more
                        call -> built.contains(call.getTargetOwner().getName()) && !call.getOriginOwner().equals(call.getTargetOwner())));
    }

    @Test
    void theRulesFailWhereTheyShould() {
        // the same rules, pointed at packages that do break them, must report violations
        assertThatThrownBy(() -> eventRule("dev.vigie.incident..").check(classes)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("dev.vigie.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(classes))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> rule("ui", List.of()).check(classes)).as("the UI uses pipeline.client")
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> rule("pipeline", List.of("ingest", "parse")).check(classes))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> builders("dev.vigie.cli..", "dev.vigie.bench..").check(classes)).as("the engine builds them")
                .isInstanceOf(AssertionError.class);
    }

    private static ArchRule eventRule(String pkg) {
        return classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg, "java..");
    }
}
