package dev.dynamodouble.core.transaction;

/**
 * Items kept in flight by {@link Transactions#holdInFlight} until {@link #close()}: a stand-in for
 * another client's transaction that a test can start and end deterministically. Closing twice is
 * harmless.
 */
public final class InFlightHold implements AutoCloseable {
  private final Transactions transactions;
  private final InFlightTransaction transaction;

  InFlightHold(Transactions transactions, InFlightTransaction transaction) {
    this.transactions = transactions;
    this.transaction = transaction;
  }

  /** The stand-in transaction that holds the items. */
  public InFlightTransaction transaction() {
    return transaction;
  }

  /** Releases the items. */
  @Override
  public void close() {
    transactions.release(transaction);
  }
}
