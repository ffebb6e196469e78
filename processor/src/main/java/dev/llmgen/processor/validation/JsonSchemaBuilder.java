package dev.llmgen.processor.validation;

import dev.llmgen.processor.json.JsonText;
import dev.llmgen.processor.validation.ServiceValidator.TypeNotGeneratedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Computes, at compile time, the JSON schema of a record or Jackson-compatible class in the subset
 * that OpenAI's strict structured outputs accept: every property required, no additional properties,
 * nullable properties (an {@code Optional} or a {@code @Nullable}) typed as "or null". Property names
 * follow Jackson's ({@code @JsonProperty} included), descriptions come from
 * {@code @JsonPropertyDescription} and {@code @JsonClassDescription}.
 */
final class JsonSchemaBuilder {

  /** Why a type has no schema, said as the end of a sentence about it. */
  static final class UnsupportedTypeException extends Exception {
    UnsupportedTypeException(String reason) {
      super(reason);
    }
  }

  private static final String JACKSON = "com.fasterxml.jackson.annotation.";
  private static final Map<String, Map<String, Object>> KNOWN_TYPES = knownTypes();

  private record Property(String name, TypeMirror type, List<Element> declarations) {}

  private final Types types;
  private final Elements elements;
  private final Set<String> inProgress = new LinkedHashSet<>();

  JsonSchemaBuilder(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /**
   * The schema of {@code type} as compact JSON.
   *
   * @throws TypeNotGeneratedException when a type it refers to is still to be generated
   */
  String schemaJson(DeclaredType type) throws UnsupportedTypeException {
    return JsonText.write(objectSchema(type));
  }

  private Map<String, Object> objectSchema(DeclaredType type) throws UnsupportedTypeException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    checkConstructible(element);
    if (!inProgress.add(name)) {
      throw new UnsupportedTypeException(
          "it refers to itself through " + String.join(" → ", inProgress) + " → " + name
              + ", and a recursive type has no finite JSON schema");
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    annotationText(element, "JsonClassDescription").ifPresent(text -> schema.put("description", text));
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Property property : properties(element)) {
      try {
        properties.put(property.name(), propertySchema(property));
      } catch (UnsupportedTypeException e) {
        throw new UnsupportedTypeException(
            "property " + element.getSimpleName() + "." + property.name() + " of type " + property.type()
                + " has no JSON schema: " + e.getMessage());
      }
    }
    if (properties.isEmpty()) {
      throw new UnsupportedTypeException(element.getSimpleName() + " has no properties to fill in");
    }
    schema.put("properties", properties);
    schema.put("required", new ArrayList<>(properties.keySet()));
    schema.put("additionalProperties", false);
    inProgress.remove(name);
    return schema;
  }

  private void checkConstructible(TypeElement element) throws UnsupportedTypeException {
    if (element.getKind() != ElementKind.RECORD && element.getKind() != ElementKind.CLASS) {
      throw new UnsupportedTypeException("it is an " + element.getKind().toString().toLowerCase()
          + ", not a record or class Jackson can construct");
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      throw new UnsupportedTypeException("it is abstract, so Jackson cannot construct it");
    }
    if (!element.getTypeParameters().isEmpty()) {
      throw new UnsupportedTypeException("it is generic; use a record with concrete types");
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)
        && element.getKind() == ElementKind.CLASS) {
      throw new UnsupportedTypeException("it is an inner class; make it static so Jackson can construct it");
    }
  }

  private Map<String, Object> propertySchema(Property property) throws UnsupportedTypeException {
    TypeMirror type = property.type();
    boolean nullable = isNullable(property);
    Optional<TypeMirror> optionalValue = typeArgumentOf(type, "java.util.Optional");
    if (optionalValue.isPresent()) {
      type = optionalValue.get();
      nullable = true;
    }
    Map<String, Object> schema = new LinkedHashMap<>(typeSchema(type));
    for (Element declaration : property.declarations()) {
      annotationText(declaration, "JsonPropertyDescription")
          .ifPresent(text -> schema.putIfAbsent("description", text));
    }
    return nullable ? orNull(schema) : schema;
  }

  private Map<String, Object> typeSchema(TypeMirror type) throws UnsupportedTypeException {
    switch (type.getKind()) {
      case BOOLEAN:
        return Map.of("type", "boolean");
      case BYTE: case SHORT: case INT: case LONG:
        return Map.of("type", "integer");
      case FLOAT: case DOUBLE:
        return Map.of("type", "number");
      case CHAR:
        return Map.of("type", "string");
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          throw new UnsupportedTypeException("byte arrays are binary data, which a model cannot write");
        }
        return arraySchema(component);
      case DECLARED:
        return declaredSchema((DeclaredType) type);
      case ERROR:
        throw new TypeNotGeneratedException(type);
      default:
        throw new UnsupportedTypeException("only concrete types can be described");
    }
  }

  private Map<String, Object> declaredSchema(DeclaredType type) throws UnsupportedTypeException {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Map<String, Object> known = KNOWN_TYPES.get(name);
    if (known != null) {
      return known;
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<Object> constants = new ArrayList<>();
      for (Element enclosed : element.getEnclosedElements()) {
        if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(enclosed.getSimpleName().toString());
        }
      }
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "string");
      schema.put("enum", constants);
      return schema;
    }
    if (isSubtypeOfErasure(type, "java.util.Map")) {
      throw new UnsupportedTypeException(
          "maps have open-ended keys, which strict structured output does not allow; use a list of records");
    }
    if (isSubtypeOfErasure(type, "java.util.Collection")) {
      if (type.getTypeArguments().size() != 1) {
        throw new UnsupportedTypeException("declare the element type, e.g. List<String>");
      }
      return arraySchema(type.getTypeArguments().get(0));
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      throw new UnsupportedTypeException(name + " has no JSON form llmgen knows");
    }
    return objectSchema(type);
  }

  private Map<String, Object> arraySchema(TypeMirror elementType) throws UnsupportedTypeException {
    if (elementType.getKind() == TypeKind.WILDCARD || elementType.getKind() == TypeKind.TYPEVAR) {
      throw new UnsupportedTypeException("declare a concrete element type, e.g. List<String>");
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "array");
    schema.put("items", typeSchema(elementType));
    return schema;
  }

  /** {@code schema} or JSON null, in the form strict structured output accepts. */
  private static Map<String, Object> orNull(Map<String, Object> schema) {
    if (schema.get("type") instanceof String type && !schema.containsKey("enum") && !type.equals("object")) {
      Map<String, Object> nullable = new LinkedHashMap<>(schema);
      nullable.put("type", List.of(type, "null"));
      return nullable;
    }
    Map<String, Object> anyOf = new LinkedHashMap<>();
    anyOf.put("anyOf", List.of(schema, Map.of("type", "null")));
    return anyOf;
  }

  private List<Property> properties(TypeElement element) throws UnsupportedTypeException {
    if (element.getKind() == ElementKind.RECORD) {
      return recordProperties(element);
    }
    Optional<ExecutableElement> creator = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
        .filter(constructor -> annotation(constructor, "JsonCreator").isPresent())
        .findFirst();
    return creator.isPresent() ? creatorProperties(element, creator.get()) : beanProperties(element);
  }

  private List<Property> recordProperties(TypeElement record) {
    List<Property> properties = new ArrayList<>();
    for (RecordComponentElement component : ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      List<Element> declarations = new ArrayList<>(List.of(component, component.getAccessor()));
      fieldNamed(record, component.getSimpleName().toString()).ifPresent(declarations::add);
      addUnlessIgnored(properties, component.getSimpleName().toString(), component.asType(), declarations);
    }
    return properties;
  }

  private List<Property> creatorProperties(TypeElement type, ExecutableElement creator)
      throws UnsupportedTypeException {
    List<Property> properties = new ArrayList<>();
    for (VariableElement parameter : creator.getParameters()) {
      if (annotationText(parameter, "JsonProperty").isEmpty()) {
        throw new UnsupportedTypeException("parameter " + parameter.getSimpleName() + " of the @JsonCreator of "
            + type.getSimpleName() + " needs @JsonProperty(\"name\") for Jackson to fill it");
      }
      addUnlessIgnored(properties, parameter.getSimpleName().toString(), parameter.asType(), List.of(parameter));
    }
    return properties;
  }

  private List<Property> beanProperties(TypeElement type) throws UnsupportedTypeException {
    boolean hasNoArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(constructor -> constructor.getParameters().isEmpty()
            && !constructor.getModifiers().contains(Modifier.PRIVATE));
    if (!hasNoArgConstructor) {
      throw new UnsupportedTypeException(type.getSimpleName()
          + " has neither a non-private no-argument constructor nor a @JsonCreator, so Jackson cannot construct it");
    }
    List<Property> properties = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)
          && !modifiers.contains(Modifier.TRANSIENT) && !modifiers.contains(Modifier.FINAL)) {
        addUnlessIgnored(properties, field.getSimpleName().toString(), field.asType(), List.of(field));
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      String name = method.getSimpleName().toString();
      if (name.length() > 3 && name.startsWith("set") && method.getParameters().size() == 1
          && method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.STATIC)) {
        String propertyName = beanName(name.substring(3));
        List<Element> declarations = new ArrayList<>(List.of(method, method.getParameters().get(0)));
        fieldNamed(type, propertyName).ifPresent(declarations::add);
        addUnlessIgnored(properties, propertyName, method.getParameters().get(0).asType(), declarations);
      }
    }
    return properties;
  }

  /** Adds a property under its Jackson name, unless {@code @JsonIgnore}d or already present. */
  private static void addUnlessIgnored(
      List<Property> properties, String javaName, TypeMirror type, List<Element> declarations) {
    if (declarations.stream().anyMatch(declaration -> annotation(declaration, "JsonIgnore").isPresent())) {
      return;
    }
    String name = declarations.stream()
        .map(declaration -> annotationText(declaration, "JsonProperty"))
        .flatMap(Optional::stream)
        .filter(text -> !text.isEmpty())
        .findFirst()
        .orElse(javaName);
    if (properties.stream().noneMatch(property -> property.name().equals(name))) {
      properties.add(new Property(name, type, declarations));
    }
  }

  /** Jackson's default: the leading capitals lower-cased, {@code URL} → {@code url}, {@code FirstName} → {@code firstName}. */
  private static String beanName(String suffix) {
    int capitals = 0;
    while (capitals < suffix.length() && Character.isUpperCase(suffix.charAt(capitals))) {
      capitals++;
    }
    int lowered = capitals > 1 && capitals < suffix.length() ? capitals - 1 : capitals;
    return suffix.substring(0, lowered).toLowerCase() + suffix.substring(lowered);
  }

  private static Optional<VariableElement> fieldNamed(TypeElement type, String name) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(name))
        .findFirst();
  }

  private static boolean isNullable(Property property) {
    for (Element declaration : property.declarations()) {
      for (AnnotationMirror mirror : declaration.getAnnotationMirrors()) {
        if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
          return true;
        }
      }
    }
    return property.type().getAnnotationMirrors().stream()
        .anyMatch(mirror -> mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }

  private Optional<TypeMirror> typeArgumentOf(TypeMirror type, String genericType) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    boolean matches = ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(genericType);
    return matches && declared.getTypeArguments().size() == 1
        ? Optional.of(declared.getTypeArguments().get(0))
        : Optional.empty();
  }

  private boolean isSubtypeOfErasure(TypeMirror type, String supertype) {
    TypeElement element = elements.getTypeElement(supertype);
    return element != null && types.isSubtype(types.erasure(type), types.erasure(element.asType()));
  }

  private static Optional<AnnotationMirror> annotation(Element element, String jacksonSimpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(JACKSON + jacksonSimpleName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The {@code value} of a Jackson annotation on {@code element}, if present. */
  private static Optional<String> annotationText(Element element, String jacksonSimpleName) {
    return annotation(element, jacksonSimpleName).flatMap(mirror -> mirror.getElementValues().entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals("value"))
        .map(Map.Entry::getValue)
        .map(AnnotationValue::getValue)
        .map(Object::toString)
        .findFirst());
  }

  private static Map<String, Map<String, Object>> knownTypes() {
    Map<String, Map<String, Object>> known = new LinkedHashMap<>();
    for (String text : List.of("java.lang.String", "java.lang.CharSequence", "java.lang.Character")) {
      known.put(text, Map.of("type", "string"));
    }
    known.put("java.lang.Boolean", Map.of("type", "boolean"));
    for (String integer : List.of(
        "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger")) {
      known.put(integer, Map.of("type", "integer"));
    }
    for (String number : List.of("java.lang.Float", "java.lang.Double", "java.math.BigDecimal")) {
      known.put(number, Map.of("type", "number"));
    }
    known.put("java.util.UUID", formatted("uuid"));
    known.put("java.time.LocalDate", formatted("date"));
    known.put("java.time.LocalTime", formatted("time"));
    for (String dateTime : List.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime")) {
      known.put(dateTime, formatted("date-time"));
    }
    known.put("java.time.Duration", formatted("duration"));
    return Map.copyOf(known);
  }

  private static Map<String, Object> formatted(String format) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    schema.put("format", format);
    return schema;
  }
}
