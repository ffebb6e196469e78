package dev.llmgen.sample;

/** The team a ticket goes to. */
public enum Category {
  SHIPPING,
  RETURNS,
  PRODUCT_DEFECT,
  BILLING,
  ACCOUNT,
  OTHER
}
