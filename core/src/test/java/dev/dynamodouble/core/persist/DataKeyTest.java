package dev.dynamodouble.core.persist;

import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.sdk.SdkTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Encryption at rest: the key file, sealed records, and a wrong or missing key refused with nothing changed. */
class DataKeyTest {
  private static final byte[] KEY = bytes(7);
  private static final byte[] OTHER = bytes(9);

  @TempDir
  Path tmp;

  private Path dir() {
    return tmp.resolve("data");
  }

  private List<String> withServer(DataKey key, Consumer<DynamoDbClient> work) {
    DynamoDouble built = DynamoDouble.builder().build();
    DataDirectory data = DataDirectory.open(dir(), built.engine(), key);
    try (DynamoDouble dynamo = built.start(); DynamoDbClient client = SdkTestSupport.client(dynamo)) {
      work.accept(client);
    } finally {
      data.close();
    }
    return data.notices();
  }

  @Test
  void aKeyFileHoldsRawBytesHexOrBase64() throws IOException {
    Path raw = Files.write(tmp.resolve("raw"), KEY);
    Path hex = Files.writeString(tmp.resolve("hex"), HexFormat.of().formatHex(KEY) + "\n");
    Path base64 = Files.writeString(tmp.resolve("b64"), Base64.getEncoder().encodeToString(KEY));
    for (Path file : List.of(raw, hex, base64)) {
      DataKey key = DataKey.read(file);
      DataKey.Sealing sealing = key.newSegment();
      assertThat(DataKey.of(KEY).open(sealing.salt(), sealing.check())).as(file.toString()).isNotNull();
    }
    Path shortKey = Files.writeString(tmp.resolve("short"), "abcd");
    assertThatThrownBy(() -> DataKey.read(shortKey)).isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("holds no 256-bit key");
    assertThatThrownBy(() -> DataKey.read(tmp.resolve("missing"))).isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("cannot read the data key");
  }

  @Test
  void aSealedRecordOpensOnlyUnderItsOwnIndexAndKey() {
    DataKey.Sealing sealing = DataKey.of(KEY).newSegment();
    byte[] plain = "a record".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = sealing.seal(3, plain, 0, plain.length);
    assertThat(sealed).hasSize(plain.length + DataKey.TAG_BYTES);
    DataKey.Sealing reader = DataKey.of(KEY).open(sealing.salt(), sealing.check());
    assertThat(reader.open(3, sealed, 0, sealed.length)).isEqualTo(plain);
    assertThatThrownBy(() -> reader.open(4, sealed, 0, sealed.length)).isInstanceOf(CorruptDataException.class);
    assertThat(DataKey.of(OTHER).open(sealing.salt(), sealing.check())).isNull();
  }

  @Test
  void anEncryptedDirectoryRoundTripsAndHoldsNoPlainText() throws IOException {
    withServer(DataKey.of(KEY), client -> {
      SdkTestSupport.createTable(client, "secrets", "pk", null);
      client.putItem(r -> r.tableName("secrets").item(item("pk", "card", "number", "4111-PLAINTEXT-1111")));
    });
    for (Path segment : segments()) {
      assertThat(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1))
          .doesNotContain("PLAINTEXT").doesNotContain("secrets");
    }
    withServer(DataKey.of(KEY), client -> assertThat(client.getItem(r -> r.tableName("secrets")
        .key(item("pk", "card"))).item()).containsEntry("number", item("n", "4111-PLAINTEXT-1111").get("n")));
  }

  @Test
  void globalTablesAndDeletedTablesStreamsAreEncryptedToo() throws IOException {
    withServer(DataKey.of(KEY), client -> {
      SdkTestSupport.createTable(client, "globalsecret", "pk", null);
      client.updateTable(r -> r.tableName("globalsecret").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1")
          .kmsMasterKeyId("replicakeysecret"))));
      client.createTable(r -> r.tableName("deletedsecret").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")).keySchema(k -> k.attributeName("pk")
              .keyType("HASH")).streamSpecification(st -> st.streamEnabled(true).streamViewType("KEYS_ONLY")));
      client.putItem(r -> r.tableName("deletedsecret").item(item("pk", "streamedsecret")));
      client.deleteTable(r -> r.tableName("deletedsecret"));
    });
    for (int life = 0; life < 2; life++) { // the log as written, then the checkpoint a reopen writes
      for (Path segment : segments()) {
        assertThat(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1))
            .doesNotContain("secret").doesNotContain("eu-west-1");
      }
      withServer(DataKey.of(KEY), client -> assertThat(client.describeTable(r -> r.tableName("globalsecret")).table()
          .replicas()).singleElement().satisfies(rep -> assertThat(rep.kmsMasterKeyId()).isEqualTo("replicakeysecret")));
    }
  }

  @Test
  void aWrongOrMissingKeyIsRefusedAndNothingChanges() throws IOException {
    withServer(DataKey.of(KEY), client -> SdkTestSupport.createTable(client, "tbl", "pk", null));
    Map<Path, byte[]> before = contents();

    assertThatThrownBy(() -> withServer(DataKey.of(OTHER), client -> { }))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("does not open the data directory").hasMessageContaining("nothing was changed");
    assertThatThrownBy(() -> withServer(null, client -> { }))
        .isInstanceOf(DataDirectoryException.class)
        .hasMessageContaining("is encrypted").hasMessageContaining("--data-key");
    assertThat(contents()).usingRecursiveComparison().isEqualTo(before);

    withServer(DataKey.of(KEY), client -> assertThat(client.listTables().tableNames()).containsExactly("tbl"));
  }

  @Test
  void aPlainDirectoryIsEncryptedWhenAKeyIsGiven() throws IOException {
    withServer(null, client -> {
      SdkTestSupport.createTable(client, "tbl", "pk", null);
      client.putItem(r -> r.tableName("tbl").item(item("pk", "PLAINKEY")));
    });
    List<String> notices = withServer(DataKey.of(KEY), client ->
        assertThat(client.scan(r -> r.tableName("tbl")).items()).containsExactly(item("pk", "PLAINKEY")));
    assertThat(notices).anyMatch(line -> line.startsWith("Encrypting "));
    for (Path segment : segments()) {
      assertThat(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1)).doesNotContain("PLAINKEY");
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.toString().endsWith(SegmentFormat.SUFFIX)).toList();
    }
  }

  private Map<Path, byte[]> contents() throws IOException {
    Map<Path, byte[]> contents = new HashMap<>();
    for (Path segment : segments()) {
      contents.put(segment, Files.readAllBytes(segment));
    }
    return contents;
  }

  private static byte[] bytes(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    key[0] = (byte) (seed * 31);
    return key;
  }
}
