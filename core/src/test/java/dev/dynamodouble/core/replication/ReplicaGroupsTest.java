package dev.dynamodouble.core.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TestTables;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Global tables sharing a name stay apart: each is found from its members, never from the name. */
class ReplicaGroupsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final DynamoDouble dynamo = DynamoDouble.builder().build();
  private final Engine engine = dynamo.engine();
  private final ReplicaGroups groups = new ReplicaGroups(engine::region);

  @AfterEach
  void close() {
    dynamo.close();
  }

  private Table table(String region) {
    Table table = TestTables.active("orders", region, NOW);
    engine.region(region).add(table);
    return table;
  }

  private void addReplica(Table origin, Table replica) {
    groups.addReplica(origin, new ReplicaGroups.Member(replica, ReplicaSettings.NONE));
  }

  @Test
  void aTableOutsideAGlobalTableOfItsNameStartsOneOfItsOwn() {
    Table east = table("us-east-1");
    Table ohio = table("us-east-2");
    Table ireland = table("eu-west-1");
    Table london = table("eu-west-2");
    addReplica(east, ohio);
    groups.strong(east, new StrongConsistency.Group("us-east-1", null, true, false));
    addReplica(ireland, london);

    assertThat(groups.of(east)).containsOnlyKeys("us-east-1", "us-east-2");
    assertThat(groups.of(london)).containsOnlyKeys("eu-west-1", "eu-west-2");
    assertThat(groups.globalTableOf(ohio).strong()).isNotNull();
    assertThat(groups.globalTableOf(ireland).strong()).as("the new one is eventually consistent").isNull();
    assertThat(groups.globalTableOf(ireland).id()).isNotEqualTo(groups.globalTableOf(east).id());
    assertThat(groups.otherRegions(groups.globalTableOf(east), east)).containsExactly("us-east-2");
  }

  @Test
  void aRegionTakenByAnotherGlobalTableLeavesTheOldOneAndItsChangesOnTheirWay() {
    Table east = table("us-east-1");
    Table ohio = table("us-east-2");
    addReplica(east, ohio);
    long old = groups.globalTableOf(east).id();
    engine.region("us-east-2").remove(ohio);
    Table newOhio = table("us-east-2");
    Table london = table("eu-west-2");
    addReplica(newOhio, london);

    assertThat(groups.target(old, "orders", "us-east-2")).as("a change of the old global table").isNull();
    assertThat(groups.globalTableOf(east).members()).containsOnlyKeys("us-east-1");
    assertThat(groups.of(east)).isEmpty();
    assertThat(groups.of(newOhio)).containsOnlyKeys("us-east-2", "eu-west-2");
    assertThat(groups.target(groups.globalTableOf(newOhio).id(), "orders", "eu-west-2")).isSameAs(london);
  }

  @Test
  void aLoneSurvivorGivenAReplicaStartsAnEventualGlobalTableKeepingItsSettings() {
    Table east = table("us-east-1");
    Table ohio = table("us-east-2");
    ReplicaSettings override = new ReplicaSettings(null, 5L, null, java.util.List.of(), null);
    groups.addReplica(ohio, new ReplicaGroups.Member(east, override));
    groups.strong(east, new StrongConsistency.Group("us-east-2", null, true, true));
    long dissolved = groups.globalTableOf(east).id();
    engine.region("us-east-2").remove(ohio);
    addReplica(east, table("eu-west-1"));

    ReplicaGroups.GlobalTable global = groups.globalTableOf(east);
    assertThat(global.id()).isNotEqualTo(dissolved);
    assertThat(global.strong()).isNull();
    assertThat(global.member(east).settings()).isEqualTo(override);
    assertThat(groups.named("orders")).hasSize(1);
  }

  @Test
  void theLegacyGlobalTableOfANameIsTheOneJoined() {
    Table east = table("us-east-1");
    Table ohio = table("us-east-2");
    Table ireland = table("eu-west-1");
    addReplica(east, ohio);
    groups.join(ireland, new ReplicaGroups.Member(ireland, ReplicaSettings.NONE));

    assertThat(groups.legacy("orders")).containsOnlyKeys("eu-west-1");
    assertThat(groups.replicated("orders")).isTrue();
    groups.forget(ohio);
    assertThat(groups.replicated("orders")).isFalse();
    assertThat(groups.legacy("orders")).containsOnlyKeys("eu-west-1");
  }
}
