package dev.dynamodouble.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The standalone server in its own process, for the durability tests: start, endpoint, client. */
final class ServerProcesses {
  /** How long a test waits before it calls a hang a failure: a guard, never a timing assertion. */
  static final long GUARD_SECONDS = 120;
  private static final Pattern LISTENING = Pattern.compile("Dynamo Double listening on (http://127\\.0\\.0\\.1:\\d+) .*");

  private ServerProcesses() {}

  /** Starts the server on a free loopback port with {@code args} besides, its stderr to {@code log}. */
  static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--host", "127.0.0.1"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(log.toFile()).start();
  }

  /** The endpoint the server's first line of output names. */
  static URI endpointOf(Process process) throws IOException {
    return endpointIn(firstLine(process));
  }

  /** The server's first line of output: where it listens, and what it holds at start. */
  static String firstLine(Process process) throws IOException {
    BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = stdout.readLine();
    assertThat(first).as("first line of stdout").isNotNull();
    return first;
  }

  /** The endpoint a first line of output names. */
  static URI endpointIn(String first) {
    Matcher matcher = LISTENING.matcher(first);
    assertThat(matcher.matches()).as(first).isTrue();
    return URI.create(matcher.group(1));
  }

  /** A client without retries: every call is one request. */
  static DynamoDbClient client(URI endpoint) {
    return client(endpoint, "us-east-1");
  }

  /** A client of {@code region} without retries. */
  static DynamoDbClient client(URI endpoint, String region) {
    return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)).apiCallTimeout(Duration.ofSeconds(GUARD_SECONDS)))
        .build();
  }

  /** A DynamoDB Streams client of us-east-1. */
  static software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streams(URI endpoint) {
    return software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder().endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** Moves the server's manual clock forward through the control API. */
  static void advance(URI endpoint, long millis) throws IOException, InterruptedException {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(endpoint.resolve("/_dynamodouble/clock/advance?millis=" + millis))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
