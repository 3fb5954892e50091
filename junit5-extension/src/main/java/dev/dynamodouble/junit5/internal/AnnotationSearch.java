package dev.dynamodouble.junit5.internal;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds annotations the way users expect: present directly, inside their repeatable container, or
 * on an annotation used as a meta-annotation (at any depth); on a class, then on its superclasses.
 * Each result remembers where it was found, so that relative file names resolve beside the class
 * or annotation that wrote them, and error messages can name it.
 */
public final class AnnotationSearch {
  private AnnotationSearch() {}

  /** An annotation and the class, annotation type or method that carries it. */
  public record Found<A extends Annotation>(A annotation, AnnotatedElement source) {
    /** The class to resolve relative resources against: the source class or annotation type, or the method's class. */
    public Class<?> anchor() {
      return source instanceof Method m ? m.getDeclaringClass() : (Class<?>) source;
    }

    /** "@Name on Source", for messages. */
    public String describe() {
      String where = source instanceof Method m ? m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()"
          : ((Class<?>) source).isAnnotation() ? "@" + ((Class<?>) source).getSimpleName()
          : ((Class<?>) source).getName();
      return "@" + annotation.annotationType().getSimpleName() + " on " + where;
    }
  }

  /** The annotations of {@code type} on {@code element} itself (direct, repeated or meta), closest first. */
  public static <A extends Annotation> List<Found<A>> on(AnnotatedElement element, Class<A> type) {
    List<Found<A>> found = new ArrayList<>();
    collect(element, element, type, containerOf(type), found, new HashSet<>());
    return found;
  }

  /** The annotations of {@code type} on {@code clazz} and its superclasses, closest first. */
  public static <A extends Annotation> List<Found<A>> onClassHierarchy(Class<?> clazz, Class<A> type) {
    List<Found<A>> found = new ArrayList<>();
    for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
      found.addAll(on(c, type));
    }
    return found;
  }

  /** {@code clazz}, then the classes enclosing it for as long as it is an inner ({@code @Nested}) class. */
  public static List<Class<?>> enclosingChain(Class<?> clazz) {
    List<Class<?>> chain = new ArrayList<>();
    Class<?> c = clazz;
    chain.add(c);
    while (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
      c = c.getEnclosingClass();
      chain.add(c);
    }
    return chain;
  }

  /** The name of a class as fixture conventions write it: {@code Outer.Inner} for nested classes. */
  public static String conventionName(Class<?> clazz) {
    String binary = clazz.getName();
    int dot = binary.lastIndexOf('.');
    return binary.substring(dot + 1).replace('$', '.');
  }

  /** Directly present (or repeated) annotations first, then those on meta-annotations, depth first. */
  private static <A extends Annotation> void collect(AnnotatedElement element, AnnotatedElement source, Class<A> type,
      Class<? extends Annotation> container, List<Found<A>> found, Set<Class<?>> visited) {
    Annotation[] annotations = element.getDeclaredAnnotations();
    for (Annotation annotation : annotations) {
      if (annotation.annotationType() == type) {
        found.add(new Found<>(type.cast(annotation), source));
      } else if (annotation.annotationType() == container) {
        for (Annotation repeated : (Annotation[]) invokeValue(annotation)) {
          found.add(new Found<>(type.cast(repeated), source));
        }
      }
    }
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> annotationType = annotation.annotationType();
      if (annotationType != type && annotationType != container
          && !annotationType.getName().startsWith("java.lang.annotation.") && visited.add(annotationType)) {
        collect(annotationType, annotationType, type, container, found, visited);
      }
    }
  }

  private static Class<? extends Annotation> containerOf(Class<? extends Annotation> type) {
    Repeatable repeatable = type.getAnnotation(Repeatable.class);
    return repeatable == null ? null : repeatable.value();
  }

  private static Object invokeValue(Annotation container) {
    try {
      Method value = container.annotationType().getMethod("value");
      value.setAccessible(true);
      return value.invoke(container);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + container, e);
    }
  }
}
