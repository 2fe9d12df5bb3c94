package httpcourse.spec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** The addresses of this computer, as seen by the specs. */
public final class NetworkAddresses {

    private NetworkAddresses() {
    }

    /** An IPv4 address of this computer that is not loopback (one that others could reach), if any. */
    public static Optional<InetAddress> firstNonLoopback() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(NetworkAddresses::isUp)
                    .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException noInterfaces) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
