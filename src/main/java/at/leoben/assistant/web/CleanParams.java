package at.leoben.assistant.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Form fields and other text parameters are read through {@link InputText#clean} too. */
@Provider
public class CleanParams implements ParamConverterProvider {

  private static final ParamConverter<String> CLEAN =
      new ParamConverter<>() {
        @Override
        public String fromString(String value) {
          return InputText.clean(value);
        }

        @Override
        public String toString(String value) {
          return value;
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
    return rawType == String.class ? (ParamConverter<T>) CLEAN : null;
  }
}
