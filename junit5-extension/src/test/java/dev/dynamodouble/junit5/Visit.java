package dev.dynamodouble.junit5;

import software.amazon.awssdk.enhanced.dynamodb.mapper.Order;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** An enhanced-client bean whose global index has a two-attribute partition key and a two-attribute sort key. */
@DynamoDbBean
public class Visit {
  private String id;
  private String tenant;
  private String region;
  private String day;
  private Integer seq;

  public Visit() {}

  public Visit(String id, String tenant, String region, String day, Integer seq) {
    this.id = id;
    this.tenant = tenant;
    this.region = region;
    this.day = day;
    this.seq = seq;
  }

  @DynamoDbPartitionKey
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "byTenantRegion", order = Order.FIRST)
  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "byTenantRegion", order = Order.SECOND)
  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  @DynamoDbSecondarySortKey(indexNames = "byTenantRegion", order = Order.FIRST)
  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  @DynamoDbSecondarySortKey(indexNames = "byTenantRegion", order = Order.SECOND)
  public Integer getSeq() {
    return seq;
  }

  public void setSeq(Integer seq) {
    this.seq = seq;
  }
}
