package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/dynamo-double}, copied into a checkout or release layout of its own, with
 * a stand-in {@code java} that prints what it was asked to run: which jar it picks and that every
 * argument reaches the server. (The real jar is built in the package phase, after tests.)
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("..", "bin", "dynamo-double");

  @TempDir
  Path root;
  private Path tools;

  @BeforeEach
  void layout() throws IOException {
    assumeTrue(Files.isRegularFile(SCRIPT), "runs from the core module of a checkout");
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX sh");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(SCRIPT, root.resolve("bin/dynamo-double"));
    tools = Files.createDirectories(root.resolve("tools"));
    executable(tools.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    for (String tool : new String[] {"dirname", "ls", "sed", "mkdir", "cksum"}) { // what the script uses, and nothing else
      Path real = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
          .findFirst().orElseThrow();
      Files.createSymbolicLink(tools.resolve(tool), real);
    }
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String[] run(String... args) throws Exception {
    return run(Map.of("DYNAMO_DOUBLE_CDS", "off"), args);
  }

  private String[] run(Map<String, String> extraEnv, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "/bin/sh";
    command[1] = root.resolve("bin/dynamo-double").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.remove("JAVA_HOME");
    env.remove("DYNAMO_DOUBLE_JAR");
    env.remove("JAVA_OPTS");
    env.put("PATH", tools.toString());
    env.remove("DYNAMO_DOUBLE_CDS");
    env.putAll(extraEnv);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String[] {Integer.toString(process.exitValue()), output};
  }

  @Test
  void aReleaseJarRunsWithTheArgumentsPassedThrough() throws Exception {
    Path jar = Files.createDirectories(root.resolve("lib")).resolve("dynamo-double-core-1.2.3-all.jar");
    Files.writeString(jar, "not really a jar");
    String[] result = run("--port", "8000", "--fixtures", "dir with spaces");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1]).isEqualTo("java -jar " + jar + " --port 8000 --fixtures dir with spaces");
  }

  @Test
  void aBuiltCheckoutRunsItsJar() throws Exception {
    Path jar = Files.createDirectories(root.resolve("core/target")).resolve("dynamo-double-core-0.1.0-SNAPSHOT-all.jar");
    Files.writeString(jar, "not really a jar");
    assertThat(run("--version")).containsExactly("0", "java -jar " + jar + " --version");
  }

  @Test
  void aCheckoutWithoutJarOrMavenSaysWhatIsMissing() throws Exception {
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("core/pom.xml"), "<project/>");
    String[] result = run("--version");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).startsWith("dynamo-double: no server jar in " + root.resolve("core/target")
        + " and no Maven (mvn) to build it");
  }

  @Test
  void aCheckoutWithoutJarBuildsItOnceWithMaven() throws Exception {
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("core/pom.xml"), "<project/>");
    executable(tools.resolve("mvn"), "#!/bin/sh\necho \"mvn $*\"\n: > core/target/dynamo-double-core-0.1.0-all.jar\n");
    Files.createDirectories(root.resolve("core/target"));
    String[] result = run("--help");
    assertThat(result[0]).isEqualTo("0");
    assertThat(result[1]).isEqualTo("dynamo-double: building the server jar once (mvn -pl core -am package -DskipTests)...\n"
        + "mvn -B -q -Dstyle.color=never -pl core -am package -DskipTests\n"
        + "java -jar " + root.resolve("core/target/dynamo-double-core-0.1.0-all.jar") + " --help");
  }

  @Test
  void theFirstRunWritesAClassDataArchiveAndLaterRunsUseIt() throws Exception {
    Path jar = Files.createDirectories(root.resolve("lib")).resolve("dynamo-double-core-1.2.3-all.jar");
    Files.writeString(jar, "not really a jar");
    Path cds = root.resolve("cache dir");
    Map<String, String> env = Map.of("DYNAMO_DOUBLE_CDS_DIR", cds.toString());
    String[] first = run(env, "--version");
    assertThat(first[0]).isEqualTo("0");
    assertThat(first[1]).matches("java -XX:ArchiveClassesAtExit=" + java.util.regex.Pattern.quote(cds.toString())
        + "/server-\\d+\\.jsa -Xlog:cds=off -Xlog:cds\\+dynamic=off -jar " + java.util.regex.Pattern.quote(jar.toString())
        + " --version");
    String archive = first[1].substring("java -XX:ArchiveClassesAtExit=".length(), first[1].indexOf(" -Xlog"));
    Files.writeString(Path.of(archive), "an archive"); // what the JVM writes when the first run exits

    assertThat(run(env, "--version")[1]).isEqualTo("java -XX:SharedArchiveFile=" + archive
        + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar " + jar + " --version");
    assertThat(run(Map.of("DYNAMO_DOUBLE_CDS_DIR", cds.toString(), "JAVA_OPTS", "-Xshare:off"), "--version")[1])
        .as("CDS flags of the user's own").isEqualTo("java -Xshare:off -jar " + jar + " --version");
  }
}
