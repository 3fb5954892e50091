package dev.dynamodouble.junit5.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dynamodouble.junit5.FixtureException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Reads a CreateTable request JSON file, the shape {@code aws dynamodb create-table
 * --cli-input-json} takes (the API's own member names), into the SDK's request through the
 * builder class the SDK provides for deserialization.
 */
final class CreateTableJson {
  private static final String KIND = "Table definition";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .build();

  private CreateTableJson() {}

  static CreateTableRequest.Builder read(ResourceLocator.Resource resource) {
    try (InputStream in = resource.url().openStream()) {
      return (CreateTableRequest.Builder) MAPPER.readValue(in, CreateTableRequest.serializableBuilderClass());
    } catch (UnrecognizedPropertyException e) {
      throw new FixtureException(KIND, resource.path(), line(e), null, "unknown member \"" + e.getPropertyName()
          + "\" (CreateTable's members are TableName, AttributeDefinitions, KeySchema, BillingMode, "
          + "ProvisionedThroughput, LocalSecondaryIndexes, GlobalSecondaryIndexes, StreamSpecification, "
          + "SSESpecification, Tags, TableClass, DeletionProtectionEnabled, ...)");
    } catch (JsonProcessingException e) {
      throw new FixtureException(KIND, resource.path(), line(e), null, e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.path(), e);
    }
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }
}
