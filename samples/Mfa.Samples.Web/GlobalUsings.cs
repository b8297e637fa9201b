global using Mfa;
