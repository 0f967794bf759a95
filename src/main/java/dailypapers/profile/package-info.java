/**
 * Members' public profiles ({@code /members/{handle}}) and the preferences that say what they show. Start at
 * {@link dailypapers.profile.ProfileService}; other features add sections to the page in {@code web}
 * ({@code ProfileSections}), each from their own service.
 */
package dailypapers.profile;
