package dev.dynamodouble.core.autoscaling;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The auto-scaling settings of one capacity dimension (a table's or index's read or write units),
 * as UpdateTableReplicaAutoScaling sets them and DescribeTableReplicaAutoScaling shows them. Dynamo
 * Double records them; it does not scale (capacity is what UpdateTable sets).
 */
public record AutoScalingSettings(Long minimumUnits, Long maximumUnits, Boolean disabled, String roleArn,
                                  List<Policy> policies) {

  /** A target-tracking scaling policy. */
  public record Policy(String name, Boolean disableScaleIn, Integer scaleInCooldown, Integer scaleOutCooldown,
                       double targetValue) {}

  /** The settings after {@code update} (an AutoScalingSettingsUpdate) is applied to {@code current} (may be null). */
  public static AutoScalingSettings apply(AutoScalingSettings current, JsonRequest update) {
    Long min = update.longValue("MinimumUnits");
    Long max = update.longValue("MaximumUnits");
    if (min != null && min < 1 || max != null && max < 1) {
      throw DynamoException.validation("Auto scaling units must be at least 1");
    }
    AutoScalingSettings base = current != null ? current : new AutoScalingSettings(null, null, false, null, List.of());
    Long newMin = min != null ? min : base.minimumUnits();
    Long newMax = max != null ? max : base.maximumUnits();
    if (newMin != null && newMax != null && newMin > newMax) {
      throw DynamoException.validation("MinimumUnits (" + newMin + ") must not exceed MaximumUnits (" + newMax + ")");
    }
    List<Policy> policies = new ArrayList<>(base.policies());
    JsonRequest policyUpdate = update.structure("ScalingPolicyUpdate");
    if (policyUpdate != null) {
      JsonRequest tracking = policyUpdate.structure("TargetTrackingScalingPolicyConfiguration");
      if (tracking == null || tracking.raw("TargetValue") == null) {
        throw DynamoException.validation(
            "1 validation error detected: Value null at 'targetTrackingScalingPolicyConfiguration' failed to "
                + "satisfy constraint: Member must not be null");
      }
      String name = policyUpdate.string("PolicyName");
      policies.removeIf(p -> p.name() != null && p.name().equals(name));
      policies.add(new Policy(name, tracking.bool("DisableScaleIn"), tracking.intValue("ScaleInCooldown"),
          tracking.intValue("ScaleOutCooldown"), ((Number) tracking.raw("TargetValue")).doubleValue()));
    }
    Boolean disabled = update.bool("AutoScalingDisabled");
    String role = update.string("AutoScalingRoleArn");
    return new AutoScalingSettings(newMin, newMax, disabled != null ? disabled : base.disabled(),
        role != null ? role : base.roleArn(), List.copyOf(policies));
  }

  /** {@link #apply} when {@code update} is given, else {@code current}. */
  public static AutoScalingSettings applyIfGiven(AutoScalingSettings current, JsonRequest update) {
    return update == null ? current : apply(current, update);
  }

  /** Writes an AutoScalingSettingsDescription under {@code field}. */
  public void write(JsonGenerator out, String field) throws IOException {
    out.writeObjectFieldStart(field);
    if (minimumUnits != null) {
      out.writeNumberField("MinimumUnits", minimumUnits);
    }
    if (maximumUnits != null) {
      out.writeNumberField("MaximumUnits", maximumUnits);
    }
    if (disabled != null) {
      out.writeBooleanField("AutoScalingDisabled", disabled);
    }
    if (roleArn != null) {
      out.writeStringField("AutoScalingRoleArn", roleArn);
    }
    out.writeArrayFieldStart("ScalingPolicies");
    for (Policy p : policies) {
      out.writeStartObject();
      if (p.name() != null) {
        out.writeStringField("PolicyName", p.name());
      }
      out.writeObjectFieldStart("TargetTrackingScalingPolicyConfiguration");
      if (p.disableScaleIn() != null) {
        out.writeBooleanField("DisableScaleIn", p.disableScaleIn());
      }
      if (p.scaleInCooldown() != null) {
        out.writeNumberField("ScaleInCooldown", p.scaleInCooldown());
      }
      if (p.scaleOutCooldown() != null) {
        out.writeNumberField("ScaleOutCooldown", p.scaleOutCooldown());
      }
      out.writeNumberField("TargetValue", p.targetValue());
      out.writeEndObject();
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }
}
