package dev.dynamodouble.junit5;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** An enhanced-client bean with a numeric sort key and a local index, for the tests. */
@DynamoDbBean
public class Shipment {
  private String orderId;
  private Integer seq;
  private String carrier;

  public Shipment() {}

  public Shipment(String orderId, Integer seq, String carrier) {
    this.orderId = orderId;
    this.seq = seq;
    this.carrier = carrier;
  }

  @DynamoDbPartitionKey
  public String getOrderId() {
    return orderId;
  }

  public void setOrderId(String orderId) {
    this.orderId = orderId;
  }

  @DynamoDbSortKey
  public Integer getSeq() {
    return seq;
  }

  public void setSeq(Integer seq) {
    this.seq = seq;
  }

  @DynamoDbSecondarySortKey(indexNames = "byCarrier")
  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
  }
}
