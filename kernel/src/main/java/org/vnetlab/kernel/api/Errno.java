package org.vnetlab.kernel.api;

/** The errno values the simulated kernel returns, with FreeBSD's strerror(3) texts. */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    ESRCH(3, "No such process"),
    ENXIO(6, "Device not configured"),
    E2BIG(7, "Argument list too long"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EBUSY(16, "Device busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "Operation not supported by device"),
    EINVAL(22, "Invalid argument"),
    ENOSPC(28, "No space left on device"),
    EAGAIN(35, "Resource temporarily unavailable"),
    EDESTADDRREQ(39, "Destination address required"),
    EMSGSIZE(40, "Message too long"),
    EOPNOTSUPP(45, "Operation not supported"),
    EAFNOSUPPORT(47, "Address family not supported by protocol family"),
    EADDRINUSE(48, "Address already in use"),
    EADDRNOTAVAIL(49, "Can't assign requested address"),
    ENETDOWN(50, "Network is down"),
    ENETUNREACH(51, "Network is unreachable"),
    ENOBUFS(55, "No buffer space available"),
    EHOSTDOWN(64, "Host is down"),
    EHOSTUNREACH(65, "No route to host");

    public final int number;
    public final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }
}
