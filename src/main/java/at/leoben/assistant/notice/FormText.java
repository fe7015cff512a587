package at.leoben.assistant.notice;

import at.leoben.assistant.web.InputText;

/** A field of the staff page's forms as text: absent is empty, control characters dropped. */
final class FormText {

  private FormText() {}

  static String clean(String value) {
    return value == null ? "" : InputText.clean(value);
  }
}
