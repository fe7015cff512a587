package at.leoben.assistant.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member of staff in the staff UI, as a browser would be: signed in through the login form,
 * carrying the session cookie, and posting forms with the CSRF token of the page they came from.
 */
public final class StaffSession {

  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"([^\"]*csrf[^\"]*)\" value=\"([^\"]+)\"");

  private final String session;
  private final String sessionId;
  private String csrfCookie;
  private String csrfField;
  private String csrfToken;

  private StaffSession(String session, String sessionId) {
    this.session = session;
    this.sessionId = sessionId;
  }

  /** Signs in through the login form with the password of {@link Staff#CLERK_PASSWORD}. */
  public static StaffSession signIn(String username) {
    return signIn(username, Staff.CLERK_PASSWORD);
  }

  public static StaffSession signIn(String username, String password) {
    Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", username).formParam("j_password", password)
        .post("/j_security_check");
    login.then().statusCode(302);
    String cookie = login.getCookie("ba-staff");
    if (cookie == null || cookie.isBlank()) {
      throw new AssertionError("no session cookie for " + username);
    }
    return new StaffSession(cookie, login.getCookie("ba-session"));
  }

  public String cookie() {
    return session;
  }

  /** GET of a page; remembers its CSRF token for the next form. */
  public Response get(String path) {
    Response page = request().get(path);
    String cookie = page.getCookie("ba-csrf");
    csrfCookie = cookie != null ? cookie : csrfCookie;
    Matcher input = CSRF_INPUT.matcher(page.asString());
    if (input.find()) {
      csrfField = input.group(1);
      csrfToken = input.group(2);
    }
    return page;
  }

  /** A form post with the token of the page read before. */
  public Response post(String path, Map<String, String> form) {
    RequestSpecification request = request().contentType(ContentType.URLENC.withCharset("UTF-8"));
    if (csrfCookie != null) {
      request.cookie("ba-csrf", csrfCookie).formParam(csrfField, csrfToken);
    }
    form.forEach(request::formParam);
    return request.post(path);
  }

  private RequestSpecification request() {
    RequestSpecification request = given().redirects().follow(false).cookie("ba-staff", session);
    if (sessionId != null) {
      request.cookie("ba-session", sessionId);
    }
    return csrfCookie == null ? request : request.cookie("ba-csrf", csrfCookie);
  }
}
