package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector indexes of a restored table: every one the source recorded, or those a
 * VectorIndexOverride lists. The API model says the listed indexes must match vector indexes of
 * the backup (or source table), and that a restore may leave out some or all of them; as with
 * GlobalSecondaryIndexOverride here, an entry is matched by its vector attribute, dimensions,
 * distance function, search schema and projection (so it may be renamed), creates nothing new, and
 * an empty override keeps none.
 */
final class VectorIndexRestore {
  private VectorIndexRestore() {}

  static List<VectorIndexDefinition> indexes(List<VectorIndexDefinition> recorded,
                                             List<VectorIndexDefinition> requested) {
    if (requested == null) {
      return recorded;
    }
    Map<String, VectorIndexDefinition> kept = new LinkedHashMap<>(); // by the source's name: each kept once
    for (VectorIndexDefinition wanted : requested) {
      VectorIndexDefinition match = null;
      for (VectorIndexDefinition index : recorded) {
        if (!kept.containsKey(index.name()) && sameIndex(index, wanted)
            && (match == null || index.name().equals(wanted.name()))) {
          match = index;
        }
      }
      if (match == null) {
        throw DynamoException.validation("Invalid Request: Vector index " + wanted.name() + " does not match a vector "
            + "index that existed in the source table and cannot be created during the restore operation");
      }
      kept.put(match.name(), new VectorIndexDefinition(wanted.name(), match.vectorAttribute(), match.dimensions(),
          match.distance(), match.searchSchema(), match.projection(), IndexDefinition.IndexStatus.ACTIVE, null));
    }
    return List.copyOf(kept.values());
  }

  private static boolean sameIndex(VectorIndexDefinition a, VectorIndexDefinition b) {
    return a.vectorAttribute().equals(b.vectorAttribute()) && a.dimensions() == b.dimensions()
        && a.distance() == b.distance() && a.searchSchema().equals(b.searchSchema())
        && TableRestore.sameProjection(a.projection(), b.projection());
  }
}
