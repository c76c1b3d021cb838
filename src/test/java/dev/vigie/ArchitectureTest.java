package dev.vigie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    /** In flow order: a package may use those before it, never those after it. */
    static final List<String> LAYERS = List.of("event", "privacy", "sim", "config", "ingest", "parse", "template", "detect",
            "incident", "agent", "mail", "store", "chat", "pipeline", "cli", "ui");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigie");
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
    void theRulesFailWhereTheyShould() {
        // the same rules, pointed at packages that do break them, must report violations
        assertThatThrownBy(() -> eventRule("dev.vigie.incident..").check(classes)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("dev.vigie.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(classes))
                .isInstanceOf(AssertionError.class);
    }

    private static ArchRule eventRule(String pkg) {
        return classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg, "java..");
    }

    @Test
    void stagesNeverReachForward() {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (int j = i + 1; j < LAYERS.size(); j++) {
                noClasses().that().resideInAPackage("dev.vigie." + LAYERS.get(i) + "..")
                        .should().dependOnClassesThat().resideInAPackage("dev.vigie." + LAYERS.get(j) + "..")
                        .because(LAYERS.get(i) + " comes before " + LAYERS.get(j) + " in the flow")
                        .check(classes);
            }
        }
    }
}
