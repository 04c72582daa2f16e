package com.liminaltransit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of DESIGN.md, held by the build: package by feature, and dependencies that only point inward
 * (features use the narrator, persistence and web helpers; never the other way round).
 */
@AnalyzeClasses(packages = "com.liminaltransit", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    private static final String[] FEATURES = {
        "com.liminaltransit.story..",
        "com.liminaltransit.admin..",
        "com.liminaltransit.throttle..",
        "com.liminaltransit.narrative..",
        "com.liminaltransit.safety..",
        "com.liminaltransit.i18n.."
    };

    @ArchTest
    static final ArchRule theNarratorKnowsNoPagesHtmlOrWriters = noClasses()
            .that()
            .resideInAnyPackage("com.liminaltransit.narrative..", "com.liminaltransit.safety..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.liminaltransit.story..",
                    "com.liminaltransit.admin..",
                    "com.liminaltransit.web..",
                    "com.liminaltransit.throttle..",
                    "org.thymeleaf..",
                    "jakarta.ws.rs..")
            .because(
                    "the narrator writes stops for any caller: pages, HTML and the writers' room are not its business");

    @ArchTest
    static final ArchRule persistenceKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("com.liminaltransit.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("com.liminaltransit.web..")
            .because("persistence is the shared data source and JDBC helpers, used by every feature");

    @ArchTest
    static final ArchRule webHelpersKnowNoFeature = noClasses()
            .that()
            .resideInAPackage("com.liminaltransit.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("web holds the view writer, htmx helpers, headers and error pages that every feature uses");

    @ArchTest
    static final ArchRule configKnowsNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("com.liminaltransit.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("configuration plumbing (durations, the clock) sits below every feature");

    @ArchTest
    static final ArchRule playersCodeNeverReachesTheWritersRoom = noClasses()
            .that()
            .resideOutsideOfPackage("com.liminaltransit.admin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.liminaltransit.admin..")
            .because("the writers' room reads what players do; nothing a player reaches may call into it");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("com.liminaltransit.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("com.liminaltransit.(**)").should().beFreeOfCycles();
}
