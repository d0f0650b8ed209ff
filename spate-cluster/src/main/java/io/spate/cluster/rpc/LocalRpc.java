package io.spate.cluster.rpc;

import io.spate.annotations.Internal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Connects to an endpoint in the same process: a gateway proxy whose every call is posted to the
 * endpoint's {@link MainThreadExecutor} and answered through a future. Callers therefore behave
 * exactly as they will with a remote endpoint: they never run endpoint code on their own thread and
 * never block on it.
 *
 * <p>Every method of a gateway interface must return a {@link CompletableFuture}.
 */
@Internal
public final class LocalRpc {
    private LocalRpc() {}

    /**
     * A gateway of type {@code type} onto {@code endpoint}, whose calls run on {@code executor}.
     */
    public static <G> G connect(Class<G> type, G endpoint, MainThreadExecutor executor) {
        for (Method m : type.getMethods()) {
            if (m.getReturnType() != CompletableFuture.class && !m.isDefault()) {
                throw new IllegalArgumentException(
                        "Gateway method "
                                + type.getSimpleName()
                                + "."
                                + m.getName()
                                + " must return a CompletableFuture");
            }
        }
        Object proxy =
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        (p, method, args) -> {
                            if (method.getDeclaringClass() == Object.class) {
                                return handleObjectMethod(p, method, args, type);
                            }
                            return invoke(endpoint, method, args, executor);
                        });
        return type.cast(proxy);
    }

    private static Object handleObjectMethod(
            Object proxy, Method method, Object[] args, Class<?> type) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "LocalRpc(" + type.getSimpleName() + ")";
        }
    }

    private static CompletableFuture<Object> invoke(
            Object endpoint, Method method, Object[] args, MainThreadExecutor executor) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            executor.execute(
                    () -> {
                        try {
                            Object r = method.invoke(endpoint, args);
                            @SuppressWarnings("unchecked")
                            CompletableFuture<Object> f = (CompletableFuture<Object>) r;
                            f.whenComplete(
                                    (v, e) -> {
                                        if (e != null) {
                                            result.completeExceptionally(e);
                                        } else {
                                            result.complete(v);
                                        }
                                    });
                        } catch (InvocationTargetException e) {
                            result.completeExceptionally(e.getCause());
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        }
                    });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                    new IllegalStateException("The endpoint is shut down: " + e.getMessage(), e));
        }
        return result;
    }
}
