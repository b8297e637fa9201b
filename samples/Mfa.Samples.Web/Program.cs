using Mfa.AspNetCore;
using Mfa.Samples.Data;
using Mfa.Samples.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
var paths = SamplePaths.From(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(paths);

// The host's own data: users, organizations, security stamps and the MFA tables in one SQLite file.
builder.Services.AddDbContext<SampleDbContext>(o => o.UseSqlite($"Data Source={paths.Database}"));
builder.Services.AddScoped<SampleUserAccounts>();

// TOTP secrets are encrypted with Data Protection: keep the key ring next to the database so they survive restarts.
builder.Services.AddDataProtection()
    .PersistKeysToFileSystem(new DirectoryInfo(paths.Keys))
    .SetApplicationName("Mfa.Samples.Web");

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.Cookie.Name = ".MfaSample.Session";
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/Account/AccessDenied";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(SampleClaims.OwnerPolicy, p => p.RequireAuthenticatedUser().RequireRole(nameof(Mfa.Users.MfaRole.Owner)));

var mfa = builder.Services.AddMfa(o => o.Issuer = builder.Configuration["Mfa:Issuer"] ?? "Mfa Sample")
    .AddEntityFrameworkStores<SampleDbContext>()
    .AddUserDirectory<SampleUserDirectory>()
    .AddAspNetCore<SampleSecurityStamps>();
SampleSms.Add(builder, mfa, paths);

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizePage("/Index");
    o.Conventions.AuthorizeFolder("/Settings");
    o.Conventions.AuthorizeFolder("/Admin", SampleClaims.OwnerPolicy);
    // The second-factor and enrolment pages are the only ones a pending sign-in reaches.
    o.Conventions.AuthorizeFolder("/SignIn", MfaAuthenticationDefaults.PendingSignInPolicy);
});

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
    await db.Database.MigrateAsync();
    await DemoData.SeedAsync(db, CancellationToken.None);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

await app.RunAsync();
