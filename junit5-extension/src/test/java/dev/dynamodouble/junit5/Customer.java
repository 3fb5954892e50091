package dev.dynamodouble.junit5;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** An enhanced-client bean with two global indexes, for the tests. */
@DynamoDbBean
public class Customer {
  private String id;
  private String email;
  private String country;
  private Long createdAt;

  public Customer() {}

  public Customer(String id, String email, String country, Long createdAt) {
    this.id = id;
    this.email = email;
    this.country = country;
    this.createdAt = createdAt;
  }

  @DynamoDbPartitionKey
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "byEmail")
  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = "byCountry")
  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  @DynamoDbSecondarySortKey(indexNames = "byCountry")
  public Long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Long createdAt) {
    this.createdAt = createdAt;
  }
}
