using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mfa.Samples.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MfaAttempts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FailedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaAttempts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MfaAuditRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaAuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MfaFactors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedSecret = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: true),
                    Algorithm = table.Column<int>(type: "INTEGER", nullable: false),
                    Digits = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAcceptedTimeStep = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaFactors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MfaOrganizationPolicies",
                columns: table => new
                {
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequireMfa = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnrollmentGracePeriod = table.Column<long>(type: "INTEGER", nullable: true),
                    RequiredSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaOrganizationPolicies", x => x.OrganizationId);
                });

            migrationBuilder.CreateTable(
                name: "MfaRecoveryCodeSets",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProtectedKey = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaRecoveryCodeSets", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MfaResetMarkers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaResetMarkers", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MfaSmsChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    FactorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProtectedKey = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SendCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaSmsChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MfaSmsQuotaLocks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 264, nullable: false),
                    Takes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaSmsQuotaLocks", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "MfaSmsSends",
                columns: table => new
                {
                    SendId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaSmsSends", x => x.SendId);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MfaRecoveryCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaRecoveryCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MfaRecoveryCodes_MfaRecoveryCodeSets_UserId",
                        column: x => x.UserId,
                        principalTable: "MfaRecoveryCodeSets",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MfaAuditRecords_OrganizationId_OccurredAt_Id",
                table: "MfaAuditRecords",
                columns: new[] { "OrganizationId", "OccurredAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_MfaFactors_UserId_Status",
                table: "MfaFactors",
                columns: new[] { "UserId", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MfaRecoveryCodes_UserId_CodeHash",
                table: "MfaRecoveryCodes",
                columns: new[] { "UserId", "CodeHash" });

            migrationBuilder.CreateIndex(
                name: "IX_MfaSmsChallenges_UserId_Purpose",
                table: "MfaSmsChallenges",
                columns: new[] { "UserId", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MfaSmsSends_OrganizationId_At",
                table: "MfaSmsSends",
                columns: new[] { "OrganizationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MfaSmsSends_UserId_At",
                table: "MfaSmsSends",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_OrganizationId",
                table: "Users",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MfaAttempts");

            migrationBuilder.DropTable(
                name: "MfaAuditRecords");

            migrationBuilder.DropTable(
                name: "MfaFactors");

            migrationBuilder.DropTable(
                name: "MfaOrganizationPolicies");

            migrationBuilder.DropTable(
                name: "MfaRecoveryCodes");

            migrationBuilder.DropTable(
                name: "MfaResetMarkers");

            migrationBuilder.DropTable(
                name: "MfaSmsChallenges");

            migrationBuilder.DropTable(
                name: "MfaSmsQuotaLocks");

            migrationBuilder.DropTable(
                name: "MfaSmsSends");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "MfaRecoveryCodeSets");

            migrationBuilder.DropTable(
                name: "Organizations");
        }
    }
}
