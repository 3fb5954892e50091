package dev.dynamodouble.benchmarks.sut;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command lines for child JVMs that use the same java binary as this one. */
public final class JavaCommand {

  private JavaCommand() {}

  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java [jvmArgs] -cp <this JVM's class path> mainClass args...} */
  public static List<String> withThisClassPath(
      List<String> jvmArgs, Class<?> mainClass, String... args) {
    return of(jvmArgs, System.getProperty("java.class.path"), mainClass, args);
  }

  /** {@code java [jvmArgs] -cp classPath mainClass args...} */
  public static List<String> of(List<String> jvmArgs, String classPath, Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }
}
