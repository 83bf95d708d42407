import com.platform.accounts.core.crypto.PasswordHasher;
import java.util.Arrays;

/**
 * The CPU of one sign-up's Argon2id hash alone: the service's own PasswordHasher, one thread, in
 * the JVM setting it is started with (load.py passes the local runtime's flags). Half the runs warm
 * the JIT up first, as a busy function would be; the rest are timed.
 */
public class Argon2Cost {
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    PasswordHasher hasher = new PasswordHasher();
    for (int i = 0; i < runs / 2; i++) {
      hasher.hash("correct horse battery staple " + i);
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      hasher.hash("correct horse battery staple " + i);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "p50 %.1f ms, p99 %.1f ms per hash (%d timed after %d warm-up)%n",
        nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, runs, runs / 2);
  }
}
