// Passwords of 10+ characters that appear at the top of public breach lists; refused at registration.
export const commonPasswords = new Set([
  "1234567890", "12345678910", "123456789a", "1234567890a", "0123456789", "0987654321", "1111111111",
  "1234512345", "1q2w3e4r5t", "1qaz2wsx3edc", "1qazxsw23edc", "qwertyuiop", "qwertyuiop1", "qwerty1234",
  "qwerty12345", "qwerty123456", "asdfghjkl1", "asdfghjkl;", "zxcvbnm123", "password12", "password123",
  "password1234", "password!1", "passw0rd12", "p@ssw0rd12", "p@ssword123", "iloveyou12", "iloveyou123",
  "abc1234567", "abcd123456", "abcdefghij", "abcdefg123", "a123456789", "aa12345678", "aaaaaaaaaa",
  "welcome123", "welcome1234", "admin12345", "admin123456", "administrator", "letmein123", "football123",
  "baseball123", "sunshine12", "princess12", "dragon1234", "monkey1234", "michael123", "superman123",
  "1234567890q", "q1w2e3r4t5", "zaq12wsxcde", "woaini1314", "woaini123456", "5201314520", "1314520520",
  "a1234567890", "qq123456789", "123456789qq", "changeme123", "computer12", "trustno1234", "starwars12",
  "whatever12", "chengdu123", "sichuan123", "china12345", "pilot12345", "testtest12", "test123456",
]);
