package io.spate.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph of DESIGN.md §2 as rules over the compiled classes: a module may use only the
 * modules below it. Maven's dependencies already prevent most breaches; these rules also catch the
 * ones a transitive dependency would let through.
 */
class ModuleRulesTest {
    private static final String JDK = "java..";
    private static final String ANNOTATIONS = "io.spate.annotations..";
    private static final String COMMON = "io.spate.common..";
    private static final String API = "io.spate.api..";
    private static final String CORE = "io.spate.core..";
    private static final String STATE = "io.spate.state..";
    private static final String NETWORK = "io.spate.network..";
    private static final String RUNTIME = "io.spate.runtime..";
    private static final String CLUSTER = "io.spate.cluster..";
    private static final String SQL = "io.spate.sql..";
    private static final String CONNECTORS = "io.spate.connectors..";
    private static final String SLF4J = "org.slf4j..";
    private static final String CLUSTER_REST = "io.spate.cluster.rest..";
    private static final String CLUSTER_REMOTE = "io.spate.cluster.remote..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String HTTP_SERVER = "io.javalin..";
    private static final String JETTY = "org.eclipse.jetty..";
    private static final String NETTY = "io.netty..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.spate");
    }

    @Test
    void annotationsUseNothing() {
        classes()
                .that()
                .resideInAPackage(ANNOTATIONS)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void commonUsesOnlyAnnotations() {
        classes()
                .that()
                .resideInAPackage(COMMON)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(COMMON, ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void apiUsesOnlyCommon() {
        classes()
                .that()
                .resideInAPackage(API)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(API, COMMON, ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void nexmarkUsesOnlyTheApi() {
        classes()
                .that()
                .resideInAPackage("io.spate.nexmark..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.spate.nexmark..", API, COMMON, ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void coreUsesOnlyApi() {
        classes()
                .that()
                .resideInAPackage(CORE)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(CORE, API, COMMON, ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void stateBackendsUseOnlyCore() {
        classes()
                .that()
                .resideInAPackage(STATE)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(STATE, CORE, API, COMMON, ANNOTATIONS, JDK)
                .check(classes);
    }

    @Test
    void networkKnowsNoJobs() {
        noClasses()
                .that()
                .resideInAPackage(NETWORK)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE, API, RUNTIME, CLUSTER)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void networkUsesOnlyCommonAndNetty() {
        classes()
                .that()
                .resideInAPackage(NETWORK)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(NETWORK, COMMON, ANNOTATIONS, JDK, SLF4J, NETTY)
                .check(classes);
    }

    @Test
    void onlyTheNetworkUsesNetty() {
        noClasses()
                .that()
                .resideInAPackage("io.spate..")
                .and()
                .resideOutsideOfPackage(NETWORK)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(NETTY)
                .check(classes);
    }

    @Test
    void runtimeUsesCoreStateAndNetwork() {
        classes()
                .that()
                .resideInAPackage(RUNTIME)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        RUNTIME, NETWORK, STATE, CORE, API, COMMON, ANNOTATIONS, JDK, SLF4J)
                .check(classes);
    }

    @Test
    void clusterUsesRuntime() {
        classes()
                .that()
                .resideInAPackage(CLUSTER)
                .and()
                .resideOutsideOfPackages(CLUSTER_REST, CLUSTER_REMOTE)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        CLUSTER,
                        RUNTIME,
                        NETWORK,
                        STATE,
                        CORE,
                        API,
                        COMMON,
                        ANNOTATIONS,
                        JDK,
                        SLF4J)
                .check(classes);
    }

    /** The client of a remote JobManager speaks its REST API with the JDK's HTTP client. */
    @Test
    void theRemoteTargetUsesJsonButNoHttpServer() {
        classes()
                .that()
                .resideInAPackage(CLUSTER_REMOTE)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(CLUSTER, CORE, API, COMMON, ANNOTATIONS, JDK, SLF4J, JACKSON)
                .check(classes);
    }

    @Test
    void theRestApiUsesTheClusterAndAnHttpServer() {
        classes()
                .that()
                .resideInAPackage(CLUSTER_REST)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        CLUSTER,
                        RUNTIME,
                        CORE,
                        API,
                        COMMON,
                        ANNOTATIONS,
                        JDK,
                        SLF4J,
                        JACKSON,
                        HTTP_SERVER,
                        JETTY)
                .check(classes);
    }

    @Test
    void onlyTheRestApiUsesAnHttpServer() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CLUSTER_REST)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP_SERVER, JETTY)
                .check(classes);
    }

    @Test
    void theEngineNeverUsesSqlOrConnectors() {
        noClasses()
                .that()
                .resideInAnyPackage(RUNTIME, CLUSTER, CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SQL, CONNECTORS)
                .check(classes);
    }

    @Test
    void clientAndCliReachTheEngineOnlyThroughTheApi() {
        noClasses()
                .that()
                .resideInAnyPackage("io.spate.client..", "io.spate.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE, STATE, RUNTIME, CLUSTER, NETWORK)
                .check(classes);
    }

    @Test
    void noOneUsesExamplesTestUtilsOrBenchmarks() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.spate.examples..",
                        "io.spate.testutils..",
                        "io.spate.benchmarks..",
                        "io.spate.tests..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.spate.examples..",
                        "io.spate.testutils..",
                        "io.spate.benchmarks..",
                        "io.spate.tests..")
                .check(classes);
    }
}
