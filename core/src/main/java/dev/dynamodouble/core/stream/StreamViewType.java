package dev.dynamodouble.core.stream;

/** What a stream record carries besides the keys. */
public enum StreamViewType {
  KEYS_ONLY(false, false),
  NEW_IMAGE(true, false),
  OLD_IMAGE(false, true),
  NEW_AND_OLD_IMAGES(true, true);

  /** The names in the order DynamoDB's enum-constraint message lists them. */
  public static final String[] WIRE_ORDER = {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"};

  private final boolean newImage;
  private final boolean oldImage;

  StreamViewType(boolean newImage, boolean oldImage) {
    this.newImage = newImage;
    this.oldImage = oldImage;
  }

  public boolean hasNewImage() {
    return newImage;
  }

  public boolean hasOldImage() {
    return oldImage;
  }
}
